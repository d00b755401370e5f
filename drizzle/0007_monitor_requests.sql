CREATE TABLE "monitor_request_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"item_id" uuid,
	"shop_id" uuid,
	"entity_id" uuid,
	"excerpt" text DEFAULT '' NOT NULL,
	"source_url" text,
	"label" text,
	"risk" real,
	"first_seen" timestamp (3) with time zone,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" text,
	"outcome_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "monitor_request_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence" jsonb
);
--> statement-breakpoint
CREATE TABLE "monitor_request_policies" (
	"label" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"min_score" real DEFAULT 0.99 NOT NULL,
	"auto_send" boolean DEFAULT false NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"target" text NOT NULL,
	"region" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"addressee" text DEFAULT '' NOT NULL,
	"legal_basis" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"origin_module" text NOT NULL,
	"origin_item_ids" uuid[] DEFAULT '{}' NOT NULL,
	"origin_shop_id" uuid,
	"first_detected_at" timestamp (3) with time zone,
	"created_by_id" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"approved_by_name" text,
	"approved_at" timestamp (3) with time zone,
	"approved_by_policy" text,
	"sent_at" timestamp (3) with time zone,
	"blocked_at" timestamp (3) with time zone,
	"first_blocked_at" timestamp (3) with time zone,
	"restored_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "monitor_request_entries" ADD CONSTRAINT "monitor_request_entries_request_id_monitor_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."monitor_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_request_history" ADD CONSTRAINT "monitor_request_history_request_id_monitor_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."monitor_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_request_entries_req_idx" ON "monitor_request_entries" USING btree ("request_id","position");--> statement-breakpoint
CREATE INDEX "monitor_request_entries_value_idx" ON "monitor_request_entries" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "monitor_request_history_req_idx" ON "monitor_request_history" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "monitor_requests_status_idx" ON "monitor_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "monitor_requests_region_idx" ON "monitor_requests" USING btree ("region");--> statement-breakpoint
CREATE INDEX "monitor_requests_shop_idx" ON "monitor_requests" USING btree ("origin_shop_id");