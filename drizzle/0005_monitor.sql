CREATE TABLE "monitor_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_name" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"path" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"bytes_total" bigint DEFAULT 0 NOT NULL,
	"bytes_done" bigint DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure" text,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "monitor_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"text" text NOT NULL,
	"url" text,
	"channel" text,
	"author" text,
	"posted_at" timestamp (3) with time zone,
	"raw" jsonb,
	"import_id" uuid,
	"submitted_by" text NOT NULL,
	"ingested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"label" text,
	"risk" real,
	"scores" jsonb,
	"explain" jsonb,
	"indicators" jsonb,
	"model_version" text,
	"detected_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "monitor_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor_items" ADD CONSTRAINT "monitor_items_source_id_monitor_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."monitor_sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_imports_created_idx" ON "monitor_imports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_items_source_ext_uq" ON "monitor_items" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "monitor_items_ingested_idx" ON "monitor_items" USING btree ("ingested_at");--> statement-breakpoint
CREATE INDEX "monitor_items_label_idx" ON "monitor_items" USING btree ("label","ingested_at");--> statement-breakpoint
CREATE INDEX "monitor_items_regions_idx" ON "monitor_items" USING gin ("regions");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_sources_kind_name_uq" ON "monitor_sources" USING btree ("kind","name");