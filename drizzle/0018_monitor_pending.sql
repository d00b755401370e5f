CREATE TABLE "monitor_pending" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"stage" smallint DEFAULT 1 NOT NULL,
	"queued_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
