CREATE TABLE "feed_epochs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"epoch" text NOT NULL,
	"floor" bigint NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feed_epochs_epoch_unique" UNIQUE("epoch")
);
