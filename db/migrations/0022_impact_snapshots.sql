CREATE TABLE "policy_impact_rows" (
	"snapshot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"inputs_rev" bigint NOT NULL,
	"before" text NOT NULL,
	"after" text NOT NULL,
	"amount_before" double precision,
	"amount_after" double precision,
	CONSTRAINT "policy_impact_rows_snapshot_id_user_id_pk" PRIMARY KEY("snapshot_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "policy_impact_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_code" text NOT NULL,
	"version" text NOT NULL,
	"draft_key" text NOT NULL,
	"facts_key" text NOT NULL,
	"eval_date" date NOT NULL,
	"talents" integer,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_impact_rows" ADD CONSTRAINT "policy_impact_rows_snapshot_id_policy_impact_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."policy_impact_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_impact_rows" ADD CONSTRAINT "policy_impact_rows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_impact_snapshots" ADD CONSTRAINT "policy_impact_snapshots_policy_code_policies_code_fk" FOREIGN KEY ("policy_code") REFERENCES "public"."policies"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_impact_rows_user_idx" ON "policy_impact_rows" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_impact_snapshots_key_uq" ON "policy_impact_snapshots" USING btree ("policy_code","draft_key","facts_key","eval_date");