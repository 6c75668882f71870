CREATE TABLE "changes" (
	"hub_seq" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"kind" text NOT NULL,
	"fields" jsonb NOT NULL,
	"clocks" jsonb NOT NULL,
	"origin_desk" text,
	"op_id" text,
	"schema_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desks" (
	"id" text PRIMARY KEY NOT NULL,
	"site" text NOT NULL,
	"credential_hash" text,
	"enrolled_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"desk_id" text NOT NULL,
	"site" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"fields" jsonb NOT NULL,
	"clocks" jsonb NOT NULL,
	"writers" jsonb NOT NULL,
	"version" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "entities_entity_entity_id_pk" PRIMARY KEY("entity","entity_id")
);
--> statement-breakpoint
CREATE TABLE "ops" (
	"op_id" text PRIMARY KEY NOT NULL,
	"desk_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"kind" text NOT NULL,
	"hlc" text NOT NULL,
	"schema_version" integer NOT NULL,
	"outcome" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "series_numbers" (
	"series" text NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"entity_id" text NOT NULL,
	"op_id" text NOT NULL,
	CONSTRAINT "series_numbers_series_number_pk" PRIMARY KEY("series","number")
);
--> statement-breakpoint
CREATE INDEX "changes_entity_idx" ON "changes" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "ops_desk_seq_idx" ON "ops" USING btree ("desk_id","seq");