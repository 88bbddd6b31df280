ALTER TYPE "public"."consent_kind" ADD VALUE 'party';--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"gender" text,
	"id_card_enc" text NOT NULL,
	"id_card_blind" text NOT NULL,
	"id_card_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"membership_type" text NOT NULL,
	"join_date" date NOT NULL,
	"probation_end_date" date,
	"regular_date" date,
	"formal_org_id" uuid NOT NULL,
	"party_status" text DEFAULT 'NORMAL' NOT NULL,
	"status_decisions_enc" text,
	"lost_contact" boolean DEFAULT false NOT NULL,
	"last_org_life_date" date,
	"last_dues_month" text,
	"dues_base_type" text NOT NULL,
	"dues_base_amount_enc" text,
	"transferred_out_at" timestamp with time zone,
	"created_from" text DEFAULT 'register' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_members_dues_month_ck" CHECK ("party_members"."last_dues_month" is null or "party_members"."last_dues_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "party_members_probation_ck" CHECK ("party_members"."membership_type" = 'formal' or "party_members"."probation_end_date" is not null)
);
--> statement-breakpoint
CREATE TABLE "transfer_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"from_org_id" uuid,
	"from_org_text" text,
	"issuing_hops" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"to_org_id" uuid,
	"to_org_text" text,
	"to_branch_id" uuid,
	"current_handler_org_id" uuid,
	"reason" text NOT NULL,
	"dues_paid_through" text,
	"letter_no" text,
	"issued_at" timestamp with time zone,
	"validity_days" integer,
	"expires_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"verify_code" text,
	"step_deadline" timestamp with time zone,
	"return_reason_code" text,
	"return_reason_text" text,
	"hold_reason" text,
	"accepted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_tx" text,
	"receipt_due_at" timestamp with time zone,
	"receipt_at" timestamp with time zone,
	"receipt_handler" text,
	"national_flow_no" text,
	"predecessor_id" uuid,
	"voided_reason" text,
	"incoming" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_cases_validity_ck" CHECK ("transfer_cases"."validity_days" is null or ("transfer_cases"."validity_days" between 1 and 90)),
	CONSTRAINT "transfer_cases_target_ck" CHECK ("transfer_cases"."to_org_id" is not null or "transfer_cases"."to_org_text" is not null),
	CONSTRAINT "transfer_cases_issued_ck" CHECK ("transfer_cases"."issued_at" is null or ("transfer_cases"."letter_no" is not null and "transfer_cases"."expires_at" is not null and "transfer_cases"."verify_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "transfer_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text NOT NULL,
	"actor_org_id" uuid,
	"comment" text,
	"at" timestamp with time zone NOT NULL,
	"client_ip" text
);
--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "org_type" text DEFAULT 'branch' NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "national_code" text;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "may_issue" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "may_receive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "has_probationary_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "is_temporary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "is_external" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "status" text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "dissolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "dissolution_approval_ref" text;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "successor_org_id" uuid;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "qr_token" text;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "qr_rotated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_formal_org_id_party_orgs_id_fk" FOREIGN KEY ("formal_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_cases" ADD CONSTRAINT "transfer_cases_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_cases" ADD CONSTRAINT "transfer_cases_from_org_id_party_orgs_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_cases" ADD CONSTRAINT "transfer_cases_to_org_id_party_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_cases" ADD CONSTRAINT "transfer_cases_to_branch_id_party_orgs_id_fk" FOREIGN KEY ("to_branch_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_cases" ADD CONSTRAINT "transfer_cases_current_handler_org_id_party_orgs_id_fk" FOREIGN KEY ("current_handler_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_cases" ADD CONSTRAINT "transfer_cases_predecessor_id_transfer_cases_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."transfer_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_cases" ADD CONSTRAINT "transfer_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_events" ADD CONSTRAINT "transfer_events_case_id_transfer_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."transfer_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_events" ADD CONSTRAINT "transfer_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_events" ADD CONSTRAINT "transfer_events_actor_org_id_party_orgs_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_id_card_uq" ON "party_members" USING btree ("id_card_blind");--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_user_uq" ON "party_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "party_members_formal_org_idx" ON "party_members" USING btree ("formal_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_cases_one_open_uq" ON "transfer_cases" USING btree ("member_id") WHERE "transfer_cases"."state" in ('DRAFT', 'BRANCH_REVIEW', 'ISSUER_REVIEW', 'ORGDEPT_REVIEW', 'ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'RETURNED_FOR_EDIT', 'RETURNED_BY_RECEIVER');--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_cases_letter_no_uq" ON "transfer_cases" USING btree ("letter_no");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_cases_verify_code_uq" ON "transfer_cases" USING btree ("verify_code");--> statement-breakpoint
CREATE INDEX "transfer_cases_handler_idx" ON "transfer_cases" USING btree ("current_handler_org_id","state");--> statement-breakpoint
CREATE INDEX "transfer_cases_member_idx" ON "transfer_cases" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "transfer_cases_expiry_idx" ON "transfer_cases" USING btree ("expires_at") WHERE "transfer_cases"."state" in ('ISSUED', 'RETURNED_BY_RECEIVER');--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_events_case_seq_uq" ON "transfer_events" USING btree ("case_id","seq");--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_successor_org_id_party_orgs_id_fk" FOREIGN KEY ("successor_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "party_orgs_path_prefix_idx" ON "party_orgs" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "party_orgs_qr_token_uq" ON "party_orgs" USING btree ("qr_token");--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_dissolution_ck" CHECK ("party_orgs"."status" = 'ACTIVE' or ("party_orgs"."dissolved_at" is not null and "party_orgs"."dissolution_approval_ref" is not null));--> statement-breakpoint
-- Existing organisations keep their coarse kind; the §6 type follows from it until the tree is edited.
UPDATE "party_orgs" SET "org_type" = CASE "kind" WHEN 'committee' THEN 'primary_committee' WHEN 'general_branch' THEN 'general_branch' ELSE 'branch' END;
--> statement-breakpoint
-- I3: transfer events are append-only.
CREATE OR REPLACE FUNCTION "transfer_events_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'transfer_events is append-only' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "transfer_events_no_update" BEFORE UPDATE OR DELETE ON "transfer_events" FOR EACH ROW EXECUTE FUNCTION "transfer_events_immutable"();
--> statement-breakpoint
-- I1: a member's formal branch changes only in the transaction that completes a TransferCase into that branch
-- (the service stamps the case's completed_tx with txid_current() in the same transaction).
CREATE OR REPLACE FUNCTION "party_members_formal_org_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."formal_org_id" IS DISTINCT FROM OLD."formal_org_id" AND NOT EXISTS (
    SELECT 1 FROM "transfer_cases"
    WHERE "member_id" = NEW."id" AND "state" = 'COMPLETED' AND "to_branch_id" = NEW."formal_org_id"
      AND "completed_tx" = txid_current()::text
  ) THEN
    RAISE EXCEPTION 'formal_org_id changes only when a transfer completes (I1)' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "party_members_formal_org_change" BEFORE UPDATE OF "formal_org_id" ON "party_members" FOR EACH ROW EXECUTE FUNCTION "party_members_formal_org_guard"();
--> statement-breakpoint
-- Letter numbers: 珠组转〔YYYY〕NNNN号, one sequence for the portal.
CREATE SEQUENCE IF NOT EXISTS "transfer_letter_seq";
