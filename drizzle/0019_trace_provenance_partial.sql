DROP INDEX "trace_prov_entity_idx";--> statement-breakpoint
DROP INDEX "trace_prov_link_idx";--> statement-breakpoint
CREATE INDEX "trace_prov_entity_idx" ON "trace_provenance" USING btree ("entity_id","observed_at") WHERE "trace_provenance"."entity_id" is not null;--> statement-breakpoint
CREATE INDEX "trace_prov_link_idx" ON "trace_provenance" USING btree ("link_id","observed_at") WHERE "trace_provenance"."link_id" is not null;