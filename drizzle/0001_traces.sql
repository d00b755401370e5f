CREATE TABLE "trace_entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"display" text NOT NULL,
	"first_seen" timestamp (3) with time zone NOT NULL,
	"last_seen" timestamp (3) with time zone NOT NULL,
	"seen_count" integer DEFAULT 0 NOT NULL,
	"degree" integer DEFAULT 0 NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trace_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"first_seen" timestamp (3) with time zone NOT NULL,
	"last_seen" timestamp (3) with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"confidence" double precision DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trace_links_confidence_ck" CHECK ("trace_links"."confidence" >= 0 and "trace_links"."confidence" <= 1),
	CONSTRAINT "trace_links_no_self_ck" CHECK ("trace_links"."from_id" <> "trace_links"."to_id")
);
--> statement-breakpoint
CREATE TABLE "trace_provenance" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_id" uuid,
	"link_id" uuid,
	"source" text NOT NULL,
	"source_ref" text,
	"rule" text,
	"module" text NOT NULL,
	"actor_id" text,
	"observed_at" timestamp (3) with time zone NOT NULL,
	"region" text,
	"details" jsonb,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trace_prov_target_ck" CHECK (("trace_provenance"."entity_id" is null) <> ("trace_provenance"."link_id" is null))
);
--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_from_id_trace_entities_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."trace_entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_to_id_trace_entities_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."trace_entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_provenance" ADD CONSTRAINT "trace_provenance_entity_id_trace_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."trace_entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_provenance" ADD CONSTRAINT "trace_provenance_link_id_trace_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."trace_links"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trace_entities_type_value_uq" ON "trace_entities" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "trace_entities_value_prefix_idx" ON "trace_entities" USING btree (lower("value") text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "trace_links_from_to_kind_uq" ON "trace_links" USING btree ("from_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "trace_links_to_idx" ON "trace_links" USING btree ("to_id","kind");--> statement-breakpoint
CREATE INDEX "trace_prov_entity_idx" ON "trace_provenance" USING btree ("entity_id","observed_at");--> statement-breakpoint
CREATE INDEX "trace_prov_link_idx" ON "trace_provenance" USING btree ("link_id","observed_at");