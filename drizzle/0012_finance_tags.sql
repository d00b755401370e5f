CREATE TABLE "finance_tag_actors" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"uri" text DEFAULT '' NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"jurisdictions" text[] DEFAULT '{}'::text[] NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pack_id" uuid,
	"lastmod" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_tag_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"creator" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"sha256" text NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"imported_by_id" text,
	"imported_by_name" text NOT NULL,
	"imported_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"currency" text NOT NULL,
	"label" text NOT NULL,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"confidence" text NOT NULL,
	"confidence_level" integer NOT NULL,
	"actor" text,
	"origin" text NOT NULL,
	"pack_id" uuid,
	"region" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"lastmod" timestamp (3) with time zone,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_id" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp (3) with time zone,
	"removed_by_name" text,
	"removed_reason" text,
	CONSTRAINT "finance_tags_level_ck" CHECK ("finance_tags"."confidence_level" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "finance_tag_actors" ADD CONSTRAINT "finance_tag_actors_pack_id_finance_tag_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."finance_tag_packs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_tags" ADD CONSTRAINT "finance_tags_pack_id_finance_tag_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."finance_tag_packs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_tags_addr_idx" ON "finance_tags" USING btree ("chain","address");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_tags_live_uq" ON "finance_tags" USING btree ("chain","address","label","source") WHERE "finance_tags"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "finance_tags_pack_idx" ON "finance_tags" USING btree ("pack_id");