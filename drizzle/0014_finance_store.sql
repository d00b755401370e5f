CREATE TABLE "finance_addresses" (
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"first_seen" timestamp (3) with time zone,
	"last_seen" timestamp (3) with time zone,
	"transfer_count" integer DEFAULT 0 NOT NULL,
	"history_fetched_at" timestamp (3) with time zone,
	"history_source" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_addresses_chain_address_pk" PRIMARY KEY("chain","address")
);
--> statement-breakpoint
CREATE TABLE "finance_cluster_members" (
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"confidence" text NOT NULL,
	"cluster_id" uuid NOT NULL,
	CONSTRAINT "finance_cluster_members_chain_address_confidence_pk" PRIMARY KEY("chain","address","confidence")
);
--> statement-breakpoint
CREATE TABLE "finance_cluster_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain" text NOT NULL,
	"options" jsonb NOT NULL,
	"transactions" integer NOT NULL,
	"clusters" integer NOT NULL,
	"coinjoins" jsonb NOT NULL,
	"refused" jsonb NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_clusters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"confidence" text NOT NULL,
	"heuristics" text[] NOT NULL,
	"size" integer NOT NULL,
	"representative" text NOT NULL,
	"total_in" double precision NOT NULL,
	"total_out" double precision NOT NULL,
	"run_id" uuid NOT NULL,
	"built_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_fetch_cache" (
	"adapter" text NOT NULL,
	"request" text NOT NULL,
	"fetched_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"status" integer NOT NULL,
	"stable" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "finance_fetch_cache_adapter_request_pk" PRIMARY KEY("adapter","request")
);
--> statement-breakpoint
CREATE TABLE "finance_trace_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region" text NOT NULL,
	"case_number" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"chain" text NOT NULL,
	"asset" text NOT NULL,
	"model" text NOT NULL,
	"direction" text NOT NULL,
	"seeds" text[] NOT NULL,
	"params" jsonb NOT NULL,
	"model_version" text NOT NULL,
	"max_transfer_id" bigint NOT NULL,
	"results" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"created_by_id" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_transactions" (
	"chain" text NOT NULL,
	"hash" text NOT NULL,
	"block_height" bigint,
	"block_time" timestamp (3) with time zone NOT NULL,
	"fee" numeric(78, 0),
	"source" text NOT NULL,
	"fetched_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_transactions_chain_hash_pk" PRIMARY KEY("chain","hash")
);
--> statement-breakpoint
CREATE TABLE "finance_transfers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"tx_hash" text NOT NULL,
	"key" text NOT NULL,
	"asset" text NOT NULL,
	"token_contract" text,
	"token_symbol" text,
	"lookalike" boolean DEFAULT false NOT NULL,
	"from_address" text,
	"to_address" text,
	"amount" numeric(78, 0) NOT NULL,
	"value" double precision NOT NULL,
	"decimals" integer NOT NULL,
	"block_time" timestamp (3) with time zone NOT NULL,
	"io_index" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_transfers_side_ck" CHECK ("finance_transfers"."from_address" is not null or "finance_transfers"."to_address" is not null)
);
--> statement-breakpoint
CREATE INDEX "finance_cluster_members_cluster_idx" ON "finance_cluster_members" USING btree ("cluster_id","address");--> statement-breakpoint
CREATE INDEX "finance_clusters_chain_idx" ON "finance_clusters" USING btree ("chain","confidence","size");--> statement-breakpoint
CREATE INDEX "finance_trace_runs_region_idx" ON "finance_trace_runs" USING btree ("region","created_at");--> statement-breakpoint
CREATE INDEX "finance_trace_runs_case_idx" ON "finance_trace_runs" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "finance_tx_time_idx" ON "finance_transactions" USING btree ("chain","block_time");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_transfers_key_uq" ON "finance_transfers" USING btree ("chain","tx_hash","key");--> statement-breakpoint
CREATE INDEX "finance_transfers_from_idx" ON "finance_transfers" USING btree ("chain","from_address","block_time");--> statement-breakpoint
CREATE INDEX "finance_transfers_to_idx" ON "finance_transfers" USING btree ("chain","to_address","block_time");