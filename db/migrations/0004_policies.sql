CREATE TYPE "public"."application_origin" AS ENUM('applied', 'auto');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('submitted', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."policy_version_status" AS ENUM('draft', 'active', 'retired');--> statement-breakpoint
CREATE TABLE "exclusion_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"policy_codes" text[] NOT NULL,
	"note_zh" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"code" text PRIMARY KEY NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text,
	"summary_zh" text,
	"summary_en" text,
	"issuer" text,
	"level" text,
	"category" text NOT NULL,
	"provenance" text NOT NULL,
	"tier" text,
	"region_scope" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exclusion_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_code_format" CHECK ("policies"."code" ~ '^[A-Z][A-Z0-9]*-[0-9]{3}$'),
	CONSTRAINT "policies_provenance" CHECK ("policies"."provenance" in ('published', 'analog', 'modelled'))
);
--> statement-breakpoint
CREATE TABLE "policy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"talent_id" uuid NOT NULL,
	"policy_code" text NOT NULL,
	"version" text NOT NULL,
	"origin" "application_origin" DEFAULT 'applied' NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"period_key" text NOT NULL,
	"zone_code" text,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"amount_estimate" numeric,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_applications_reason" CHECK ("policy_applications"."status" <> 'rejected' or "policy_applications"."decision_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_code" text NOT NULL,
	"version" text NOT NULL,
	"status" "policy_version_status" DEFAULT 'draft' NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"definition" jsonb NOT NULL,
	"changelog_note" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_range" CHECK ("policy_versions"."effective_to" is null or "policy_versions"."effective_to" >= "policy_versions"."effective_from"),
	CONSTRAINT "policy_versions_semver" CHECK ("policy_versions"."version" ~ '^[0-9]+\.[0-9]+\.[0-9]+$')
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_policy_code_policies_code_fk" FOREIGN KEY ("policy_code") REFERENCES "public"."policies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_zone_code_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."zones"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_code_policies_code_fk" FOREIGN KEY ("policy_code") REFERENCES "public"."policies"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "policies_category_idx" ON "policies" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_applications_open_uq" ON "policy_applications" USING btree ("talent_id","policy_code","version","period_key") WHERE status in ('submitted', 'approved');--> statement-breakpoint
CREATE INDEX "policy_applications_queue_idx" ON "policy_applications" USING btree ("zone_code","status","created_at");--> statement-breakpoint
CREATE INDEX "policy_applications_talent_idx" ON "policy_applications" USING btree ("talent_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_code_version_uq" ON "policy_versions" USING btree ("policy_code","version");--> statement-breakpoint
CREATE INDEX "policy_versions_status_idx" ON "policy_versions" USING btree ("status");