CREATE TABLE "party_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"topic" text NOT NULL,
	"voting_items" boolean DEFAULT false NOT NULL,
	"location" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"counts_for_quorum" boolean NOT NULL,
	"may_vote" boolean NOT NULL,
	"method" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "party_attendance_quorum_ck" CHECK ("party_attendance"."counts_for_quorum" = ("party_attendance"."relation" = 'FORMAL')),
	CONSTRAINT "party_attendance_vote_ck" CHECK (not "party_attendance"."may_vote" or "party_attendance"."relation" = 'FORMAL')
);
--> statement-breakpoint
CREATE TABLE "party_dues_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"month" text NOT NULL,
	"collecting_org_id" uuid NOT NULL,
	"base_type" text NOT NULL,
	"base_amount_enc" text,
	"amount_due_enc" text NOT NULL,
	"amount_paid_enc" text NOT NULL,
	"rate" text,
	"channel" text DEFAULT 'bank' NOT NULL,
	"receipt_no" text,
	"backpay" boolean DEFAULT false NOT NULL,
	"reduction_approval_ref" text,
	"paid_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_dues_month_ck" CHECK ("party_dues_payments"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "party_lost_contact_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid,
	"member_id" uuid NOT NULL,
	"home_org_id" uuid NOT NULL,
	"last_contact_basis_date" date NOT NULL,
	"search_actions_enc" text NOT NULL,
	"situation_code" text,
	"org_category_code" text,
	"proposal" text,
	"branch_meeting_date" date,
	"committee_approval_date" date,
	"county_filing_date" date,
	"restored_at" timestamp with time zone,
	"restore_approval_ref" text,
	"opened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_mobile_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text NOT NULL,
	"actor_org_id" uuid,
	"comment" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_mobile_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text NOT NULL,
	"outflow_org_id" uuid NOT NULL,
	"outflow_committee_id" uuid,
	"outflow_date" date NOT NULL,
	"outflow_reason" text NOT NULL,
	"outflow_confirmed_at" timestamp with time zone,
	"walk_in" boolean DEFAULT false NOT NULL,
	"destination_province" text,
	"destination_city" text,
	"destination_county" text,
	"destination_address_enc" text,
	"destination_unit" text,
	"destination_unit_nature" text,
	"fixed_employer" boolean DEFAULT false NOT NULL,
	"expected_duration" text,
	"arrival_date" date,
	"report_due_at" timestamp with time zone,
	"has_activity_card" boolean DEFAULT false NOT NULL,
	"card_no" text,
	"card_issuer_org_id" uuid,
	"card_issued_at" date,
	"last_card_review_at" date,
	"inflow_org_id" uuid,
	"inflow_branch_id" uuid,
	"report_method" text,
	"report_submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"inflow_contact_person" text,
	"inflow_contact_phone" text,
	"redirect_reason" text,
	"redirect_to_org_id" uuid,
	"lapse_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"lost_from_state" text,
	"transfer_prompted_at" timestamp with time zone,
	"end_at" timestamp with time zone,
	"end_reason" text,
	"national_flow_ref" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_mobile_records_ended_ck" CHECK (("party_mobile_records"."state" in ('ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON')) = ("party_mobile_records"."end_at" is not null)),
	CONSTRAINT "party_mobile_records_accepted_ck" CHECK ("party_mobile_records"."state" not in ('INFLOW_ACTIVE', 'LAPSE_WATCH') or ("party_mobile_records"."accepted_at" is not null and "party_mobile_records"."inflow_branch_id" is not null)),
	CONSTRAINT "party_mobile_records_redirect_ck" CHECK ("party_mobile_records"."redirect_to_org_id" is null or "party_mobile_records"."redirect_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "party_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"type" text NOT NULL,
	"period" text NOT NULL,
	"to_org_id" uuid NOT NULL,
	"record_id" uuid,
	"content_enc" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note_enc" text,
	CONSTRAINT "party_reports_period_ck" CHECK (("party_reports"."type" = 'annual' and "party_reports"."period" ~ '^[0-9]{4}$') or ("party_reports"."type" = 'thought' and "party_reports"."period" ~ '^[0-9]{4}-Q[1-4]$'))
);
--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "dues_reduction_amount_enc" text;--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "dues_reduction_ref" text;--> statement-breakpoint
ALTER TABLE "party_activities" ADD CONSTRAINT "party_activities_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_activities" ADD CONSTRAINT "party_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_attendance" ADD CONSTRAINT "party_attendance_activity_id_party_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."party_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_attendance" ADD CONSTRAINT "party_attendance_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_attendance" ADD CONSTRAINT "party_attendance_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_dues_payments" ADD CONSTRAINT "party_dues_payments_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_dues_payments" ADD CONSTRAINT "party_dues_payments_collecting_org_id_party_orgs_id_fk" FOREIGN KEY ("collecting_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_dues_payments" ADD CONSTRAINT "party_dues_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_lost_contact_cases" ADD CONSTRAINT "party_lost_contact_cases_record_id_party_mobile_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."party_mobile_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_lost_contact_cases" ADD CONSTRAINT "party_lost_contact_cases_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_lost_contact_cases" ADD CONSTRAINT "party_lost_contact_cases_home_org_id_party_orgs_id_fk" FOREIGN KEY ("home_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_lost_contact_cases" ADD CONSTRAINT "party_lost_contact_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_events" ADD CONSTRAINT "party_mobile_events_record_id_party_mobile_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."party_mobile_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_events" ADD CONSTRAINT "party_mobile_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_events" ADD CONSTRAINT "party_mobile_events_actor_org_id_party_orgs_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_outflow_org_id_party_orgs_id_fk" FOREIGN KEY ("outflow_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_outflow_committee_id_party_orgs_id_fk" FOREIGN KEY ("outflow_committee_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_card_issuer_org_id_party_orgs_id_fk" FOREIGN KEY ("card_issuer_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_inflow_org_id_party_orgs_id_fk" FOREIGN KEY ("inflow_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_inflow_branch_id_party_orgs_id_fk" FOREIGN KEY ("inflow_branch_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_redirect_to_org_id_party_orgs_id_fk" FOREIGN KEY ("redirect_to_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_mobile_records" ADD CONSTRAINT "party_mobile_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_reports" ADD CONSTRAINT "party_reports_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_reports" ADD CONSTRAINT "party_reports_to_org_id_party_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_reports" ADD CONSTRAINT "party_reports_record_id_party_mobile_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."party_mobile_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_reports" ADD CONSTRAINT "party_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "party_activities_org_date_idx" ON "party_activities" USING btree ("org_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "party_attendance_activity_member_uq" ON "party_attendance" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE INDEX "party_attendance_member_idx" ON "party_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_dues_member_month_uq" ON "party_dues_payments" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "party_dues_org_month_idx" ON "party_dues_payments" USING btree ("collecting_org_id","month");--> statement-breakpoint
CREATE INDEX "party_lost_contact_member_idx" ON "party_lost_contact_cases" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_lost_contact_one_open_uq" ON "party_lost_contact_cases" USING btree ("member_id") WHERE "party_lost_contact_cases"."restored_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "party_mobile_events_record_seq_uq" ON "party_mobile_events" USING btree ("record_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "party_mobile_events_one_accept_uq" ON "party_mobile_events" USING btree ("record_id") WHERE "party_mobile_events"."action" = 'accept';--> statement-breakpoint
CREATE UNIQUE INDEX "party_mobile_records_one_open_uq" ON "party_mobile_records" USING btree ("member_id") WHERE "party_mobile_records"."state" not in ('ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON');--> statement-breakpoint
CREATE INDEX "party_mobile_records_inflow_idx" ON "party_mobile_records" USING btree ("inflow_org_id","state");--> statement-breakpoint
CREATE INDEX "party_mobile_records_branch_idx" ON "party_mobile_records" USING btree ("inflow_branch_id","state");--> statement-breakpoint
CREATE INDEX "party_mobile_records_outflow_idx" ON "party_mobile_records" USING btree ("outflow_org_id","state");--> statement-breakpoint
CREATE INDEX "party_mobile_records_member_idx" ON "party_mobile_records" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "party_reports_to_org_idx" ON "party_reports" USING btree ("to_org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "party_reports_member_idx" ON "party_reports" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_reports_annual_uq" ON "party_reports" USING btree ("member_id","period") WHERE "party_reports"."type" = 'annual';--> statement-breakpoint
-- MobileRecord history is append-only (like transfer_events, I3).
CREATE OR REPLACE FUNCTION "party_mobile_events_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'party_mobile_events is append-only' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "party_mobile_events_no_update" BEFORE UPDATE OR DELETE ON "party_mobile_events" FOR EACH ROW EXECUTE FUNCTION "party_mobile_events_immutable"();
--> statement-breakpoint
-- The dues ledger is the record of payments made: a recorded month is never edited or deleted (a correction is a
-- documented reversal outside the portal, §2.7).
CREATE OR REPLACE FUNCTION "party_dues_payments_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'party_dues_payments is append-only' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "party_dues_payments_no_update" BEFORE UPDATE OR DELETE ON "party_dues_payments" FOR EACH ROW EXECUTE FUNCTION "party_dues_payments_immutable"();
