CREATE TABLE "situation_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"names" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"unit" text NOT NULL,
	"polarity" text NOT NULL,
	"per_capita" boolean NOT NULL,
	"aggregation" text NOT NULL,
	"periods" jsonb NOT NULL,
	"source" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "situation_indicators_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "situation_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"region" text NOT NULL,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"submitted_by_id" text,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"import_file" text,
	"reviewed_by_id" text,
	"reviewed_by_name" text,
	"reviewed_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "situation_values" ADD CONSTRAINT "situation_values_indicator_code_situation_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."situation_indicators"("code") ON DELETE restrict ON UPDATE restrict;--> statement-breakpoint
CREATE UNIQUE INDEX "situation_values_key" ON "situation_values" USING btree ("indicator_code","region","period");--> statement-breakpoint
CREATE INDEX "situation_values_status_idx" ON "situation_values" USING btree ("status","region");--> statement-breakpoint
CREATE INDEX "situation_values_region_idx" ON "situation_values" USING btree ("region","period_kind");