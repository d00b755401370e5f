CREATE TABLE "rating_methodologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"config" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"based_on" uuid,
	"created_by" text NOT NULL,
	"created_by_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"activated_by" text,
	"activated_at" timestamp (3) with time zone,
	CONSTRAINT "rating_methodologies_status_ck" CHECK ("rating_methodologies"."status" in ('draft', 'active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"previous_period" text,
	"methodology_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"input_source" text NOT NULL,
	"input_note" text DEFAULT '' NOT NULL,
	"inputs" jsonb NOT NULL,
	"sensitivity_options" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"sensitivity" jsonb NOT NULL,
	"input_hash" text NOT NULL,
	"result_hash" text NOT NULL,
	"computed_by" text NOT NULL,
	"computed_by_id" text NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	"approved_by" text,
	"approved_by_id" text,
	"approved_at" timestamp (3) with time zone,
	"published_by" text,
	"published_at" timestamp (3) with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_status_ck" CHECK ("ratings"."status" in ('draft', 'approved', 'published'))
);
--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_methodology_id_rating_methodologies_id_fk" FOREIGN KEY ("methodology_id") REFERENCES "public"."rating_methodologies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_methodologies_name_version_uq" ON "rating_methodologies" USING btree ("name","version");--> statement-breakpoint
CREATE INDEX "ratings_period_idx" ON "ratings" USING btree ("period","status");--> statement-breakpoint
CREATE INDEX "ratings_methodology_idx" ON "ratings" USING btree ("methodology_id");