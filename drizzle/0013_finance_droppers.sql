CREATE TABLE "finance_dropper_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dropper_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"reporter" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"reported_at" timestamp (3) with time zone NOT NULL,
	"import_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_id" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_droppers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"display" text NOT NULL,
	"region" text NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"scheme" text,
	"bank_code" text,
	"bank_name" text,
	"holder_name" text DEFAULT '' NOT NULL,
	"entity_id" uuid,
	"last_request_id" uuid,
	"first_seen" timestamp (3) with time zone NOT NULL,
	"last_seen" timestamp (3) with time zone NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_droppers_kind_ck" CHECK ("finance_droppers"."kind" in ('card', 'iban', 'phone')),
	CONSTRAINT "finance_droppers_status_ck" CHECK ("finance_droppers"."status" in ('reported', 'confirmed', 'blocked', 'cleared'))
);
--> statement-breakpoint
ALTER TABLE "finance_dropper_reports" ADD CONSTRAINT "finance_dropper_reports_dropper_id_finance_droppers_id_fk" FOREIGN KEY ("dropper_id") REFERENCES "public"."finance_droppers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_dropper_reports_dropper_idx" ON "finance_dropper_reports" USING btree ("dropper_id","reported_at");--> statement-breakpoint
CREATE INDEX "finance_dropper_reports_import_idx" ON "finance_dropper_reports" USING btree ("import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_droppers_kind_value_region_uq" ON "finance_droppers" USING btree ("kind","value","region");--> statement-breakpoint
CREATE INDEX "finance_droppers_region_status_idx" ON "finance_droppers" USING btree ("region","status");--> statement-breakpoint
CREATE INDEX "finance_droppers_entity_idx" ON "finance_droppers" USING btree ("entity_id");