CREATE TABLE "monitor_shop_indicators" (
	"type" text NOT NULL,
	"value" text NOT NULL,
	"shop_id" uuid,
	"item_count" integer DEFAULT 0 NOT NULL,
	"merge_count" integer DEFAULT 0 NOT NULL,
	"hub" text,
	"hub_note" text,
	"hub_by" text,
	"hub_at" timestamp (3) with time zone,
	"first_seen" timestamp (3) with time zone NOT NULL,
	"last_seen" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "monitor_shop_indicators_type_value_pk" PRIMARY KEY("type","value")
);
--> statement-breakpoint
CREATE TABLE "monitor_shop_items" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"shop_id" uuid NOT NULL,
	"via" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"joined_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_shop_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"merged_shop_ids" uuid[] NOT NULL,
	"outcome" text NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_shops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_type" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" uuid,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_seen" timestamp (3) with time zone NOT NULL,
	"last_seen" timestamp (3) with time zone NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"status_note" text,
	"status_by" text,
	"status_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor_shop_indicators" ADD CONSTRAINT "monitor_shop_indicators_shop_id_monitor_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."monitor_shops"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_shop_items" ADD CONSTRAINT "monitor_shop_items_item_id_monitor_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."monitor_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_shop_items" ADD CONSTRAINT "monitor_shop_items_shop_id_monitor_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."monitor_shops"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_shop_merges" ADD CONSTRAINT "monitor_shop_merges_shop_id_monitor_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."monitor_shops"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_shop_indicators_shop_idx" ON "monitor_shop_indicators" USING btree ("shop_id");--> statement-breakpoint
CREATE INDEX "monitor_shop_items_shop_idx" ON "monitor_shop_items" USING btree ("shop_id","joined_at");--> statement-breakpoint
CREATE INDEX "monitor_shop_merges_shop_idx" ON "monitor_shop_merges" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "monitor_shop_merges_merged_idx" ON "monitor_shop_merges" USING gin ("merged_shop_ids");--> statement-breakpoint
CREATE INDEX "monitor_shops_regions_idx" ON "monitor_shops" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "monitor_shops_last_seen_idx" ON "monitor_shops" USING btree ("last_seen");--> statement-breakpoint
CREATE INDEX "monitor_shops_merged_into_idx" ON "monitor_shops" USING btree ("merged_into");