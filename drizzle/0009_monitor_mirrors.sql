CREATE TABLE "monitor_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"shop_id" uuid,
	"item_id" uuid,
	"request_id" uuid,
	"target_id" uuid,
	"url" text,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"acknowledged_by_id" text,
	"acknowledged_by" text,
	"acknowledged_at" timestamp (3) with time zone,
	"ack_note" text
);
--> statement-breakpoint
CREATE TABLE "monitor_fingerprints" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"simhash" text NOT NULL,
	"band0" integer NOT NULL,
	"band1" integer NOT NULL,
	"band2" integer NOT NULL,
	"band3" integer NOT NULL,
	"tokens" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_mirror_queue" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"queued_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor_fingerprints" ADD CONSTRAINT "monitor_fingerprints_item_id_monitor_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."monitor_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_alerts_dedupe_uq" ON "monitor_alerts" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "monitor_alerts_open_idx" ON "monitor_alerts" USING btree ("acknowledged_at","created_at");--> statement-breakpoint
CREATE INDEX "monitor_alerts_regions_idx" ON "monitor_alerts" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "monitor_fingerprints_b0_idx" ON "monitor_fingerprints" USING btree ("band0");--> statement-breakpoint
CREATE INDEX "monitor_fingerprints_b1_idx" ON "monitor_fingerprints" USING btree ("band1");--> statement-breakpoint
CREATE INDEX "monitor_fingerprints_b2_idx" ON "monitor_fingerprints" USING btree ("band2");--> statement-breakpoint
CREATE INDEX "monitor_fingerprints_b3_idx" ON "monitor_fingerprints" USING btree ("band3");