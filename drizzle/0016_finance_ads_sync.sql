CREATE TABLE "finance_ads_sync" (
	"type" text PRIMARY KEY NOT NULL,
	"cursor_at" timestamp (3) with time zone,
	"last_run_at" timestamp (3) with time zone,
	"last_result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
