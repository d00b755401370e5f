CREATE TABLE "monitor_recheck_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"checked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"status_before" text NOT NULL,
	"status_after" text NOT NULL,
	"http_status" integer,
	"final_url" text,
	"redirects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content_hash" text,
	"simhash" text,
	"distance" integer,
	"bytes" integer,
	"duration_ms" integer,
	"request_outcome" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "monitor_recheck_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"url" text NOT NULL,
	"host" text NOT NULL,
	"region" text NOT NULL,
	"request_status" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_checked_at" timestamp (3) with time zone,
	"last_change_at" timestamp (3) with time zone,
	"next_check_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"consecutive_errors" integer DEFAULT 0 NOT NULL,
	"last_outcome" text,
	"last_http_status" integer,
	"last_final_url" text,
	"content_hash" text,
	"simhash" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor_recheck_checks" ADD CONSTRAINT "monitor_recheck_checks_target_id_monitor_recheck_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."monitor_recheck_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_recheck_checks_target_idx" ON "monitor_recheck_checks" USING btree ("target_id","checked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_recheck_targets_entry_uq" ON "monitor_recheck_targets" USING btree ("request_id","entry_id");--> statement-breakpoint
CREATE INDEX "monitor_recheck_targets_due_idx" ON "monitor_recheck_targets" USING btree ("active","next_check_at");--> statement-breakpoint
CREATE INDEX "monitor_recheck_targets_url_idx" ON "monitor_recheck_targets" USING btree ("url");--> statement-breakpoint
CREATE INDEX "monitor_recheck_targets_region_idx" ON "monitor_recheck_targets" USING btree ("region","status");