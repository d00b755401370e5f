CREATE TABLE "monitor_review_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"reviewer_id" text NOT NULL,
	"reviewer_name" text NOT NULL,
	"decision" text NOT NULL,
	"label" text,
	"note" text,
	"model_label" text,
	"model_risk" real,
	"model_version" text,
	"decided_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor_review_decisions" ADD CONSTRAINT "monitor_review_decisions_item_id_monitor_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."monitor_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_review_item_reviewer_uq" ON "monitor_review_decisions" USING btree ("item_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "monitor_review_decided_idx" ON "monitor_review_decisions" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "monitor_review_reviewer_idx" ON "monitor_review_decisions" USING btree ("reviewer_id","decided_at");