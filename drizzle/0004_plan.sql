CREATE TABLE "plan_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"region" text,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_coalition_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"region" text,
	"sector" text NOT NULL,
	"organisation" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_item_executors" (
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_item_executors_item_id_user_id_pk" PRIMARY KEY("item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"parent_id" uuid,
	"region" text,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"responsible" text NOT NULL,
	"co_executors" text[] DEFAULT '{}'::text[] NOT NULL,
	"deadlines" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_result" text DEFAULT '' NOT NULL,
	"kpi_name" text DEFAULT '' NOT NULL,
	"kpi_unit" text DEFAULT '' NOT NULL,
	"kpi_target" double precision,
	"reporting_form" text DEFAULT '' NOT NULL,
	"periodicity" text DEFAULT 'once' NOT NULL,
	"strategies" text[] DEFAULT '{}'::text[] NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"due_date" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"region" text,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"baseline" double precision NOT NULL,
	"baseline_year" integer,
	"target" double precision NOT NULL,
	"actual" double precision,
	"source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"region" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"current_phase" text,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_plans_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "plan_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"region" text,
	"due_date" text,
	"text" text NOT NULL,
	"kpi_value" double precision,
	"final" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp (3) with time zone,
	"review_comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"region" text,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"phase" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_attachments" ADD CONSTRAINT "plan_attachments_report_id_plan_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."plan_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_coalition_members" ADD CONSTRAINT "plan_coalition_members_plan_id_plan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_executors" ADD CONSTRAINT "plan_item_executors_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_executors" ADD CONSTRAINT "plan_item_executors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_section_id_plan_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_sections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_parent_id_plan_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_notifications" ADD CONSTRAINT "plan_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_notifications" ADD CONSTRAINT "plan_notifications_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outcomes" ADD CONSTRAINT "plan_outcomes_plan_id_plan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reports" ADD CONSTRAINT "plan_reports_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reports" ADD CONSTRAINT "plan_reports_plan_id_plan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_plan_id_plan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_attachments_report_idx" ON "plan_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "plan_coalition_plan_idx" ON "plan_coalition_members" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_executors_user_idx" ON "plan_item_executors" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_number_uq" ON "plan_items" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_items_section_idx" ON "plan_items" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "plan_items_parent_idx" ON "plan_items" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "plan_items_region_idx" ON "plan_items" USING btree ("region");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_notifications_uq" ON "plan_notifications" USING btree ("user_id","item_id","kind","day");--> statement-breakpoint
CREATE INDEX "plan_notifications_user_idx" ON "plan_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_outcomes_plan_idx" ON "plan_outcomes" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_plans_region_idx" ON "plan_plans" USING btree ("region");--> statement-breakpoint
CREATE INDEX "plan_reports_item_idx" ON "plan_reports" USING btree ("item_id","submitted_at");--> statement-breakpoint
CREATE INDEX "plan_reports_queue_idx" ON "plan_reports" USING btree ("status","region");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_sections_number_uq" ON "plan_sections" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_sections_region_idx" ON "plan_sections" USING btree ("region");