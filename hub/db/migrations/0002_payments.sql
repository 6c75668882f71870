CREATE TABLE "payment_notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"reference" text NOT NULL,
	"digest" text NOT NULL,
	"verdict" text NOT NULL,
	"request_id" text,
	"fields" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"gateway" text NOT NULL,
	"reference" text,
	"remote_address" text,
	"detail" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_notifications_digest_idx" ON "payment_notifications" USING btree ("gateway","digest");--> statement-breakpoint
CREATE INDEX "payment_notifications_reference_idx" ON "payment_notifications" USING btree ("gateway","reference");