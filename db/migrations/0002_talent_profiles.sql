CREATE TYPE "public"."consent_kind" AS ENUM('profile', 'sensitive');--> statement-breakpoint
CREATE TYPE "public"."credit_status" AS ENUM('pending', 'confirmed', 'declined');--> statement-breakpoint
CREATE TYPE "public"."evidence_subject" AS ENUM('title', 'honour', 'ich', 'award');--> statement-breakpoint
CREATE TYPE "public"."id_kind" AS ENUM('cn_id', 'passport');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('public', 'private');--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"notice_version" text NOT NULL,
	"notice_hash" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"talent_id" uuid NOT NULL,
	"subject" "evidence_subject" NOT NULL,
	"item_id" text,
	"claim" jsonb NOT NULL,
	"storage_key" text NOT NULL,
	"note" text,
	"status" "verification_status" DEFAULT 'pending' NOT NULL,
	"reviewer_id" uuid,
	"reason" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"legal_name" text,
	"artist_name" text,
	"id_kind" "id_kind",
	"id_number_enc" text,
	"id_number_index" text,
	"birth_date" date,
	"nationality" text,
	"hukou_province" text,
	"hukou_city" text,
	"residence_since" date,
	"residence_district" text,
	"education" text,
	"graduation_date" date,
	"practice_start" date,
	"sector" text,
	"crafts" text[],
	"employment" text,
	"employer_district" text,
	"social_insurance_months_jdz" integer,
	"business_form" text,
	"business_registered_district" text,
	"business_registered_date" date,
	"business_first_time" boolean,
	"business_employees_insured" integer,
	"studio_district" text,
	"studio_lease_months" integer,
	"studio_area_m2" numeric,
	"studio_monthly_rent" numeric,
	"studio_government_free" boolean,
	"owns_home_in_jdz" boolean,
	"title_level" text,
	"title_date" date,
	"skill_level" text,
	"ich_level" text,
	"ich_project" text,
	"ich_year" smallint,
	"honours" jsonb,
	"awards" jsonb,
	"exhibitions" jsonb,
	"apprentices" jsonb,
	"relocated_to_jdz_date" date,
	"commitment_years" integer,
	"retired" boolean,
	"credit_bad" boolean,
	"registered_unemployed" boolean,
	"receiving" jsonb,
	"received" jsonb,
	"zone_code" text,
	"bio" text,
	"showcase_enabled" boolean DEFAULT false NOT NULL,
	"showcase_slug" text,
	"wizard_step" smallint DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_id" uuid NOT NULL,
	"step" text NOT NULL,
	"talent_id" uuid,
	"name" text NOT NULL,
	"status" "credit_status" DEFAULT 'pending' NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"thumb_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "works" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" smallint,
	"size" text,
	"techniques" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"visibility" "visibility" DEFAULT 'private' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_zone_code_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."zones"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_credits" ADD CONSTRAINT "work_credits_work_id_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_credits" ADD CONSTRAINT "work_credits_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_images" ADD CONSTRAINT "work_images_work_id_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works" ADD CONSTRAINT "works_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_active_uq" ON "consents" USING btree ("user_id","kind") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "evidence_talent_idx" ON "evidence" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "evidence_status_idx" ON "evidence" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_profiles_id_number_uq" ON "talent_profiles" USING btree ("id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_profiles_showcase_slug_uq" ON "talent_profiles" USING btree ("showcase_slug");--> statement-breakpoint
CREATE INDEX "talent_profiles_zone_idx" ON "talent_profiles" USING btree ("zone_code");--> statement-breakpoint
CREATE INDEX "talent_profiles_crafts_idx" ON "talent_profiles" USING gin ("crafts");--> statement-breakpoint
CREATE INDEX "talent_profiles_education_idx" ON "talent_profiles" USING btree ("education");--> statement-breakpoint
CREATE INDEX "talent_profiles_district_idx" ON "talent_profiles" USING btree ("residence_district");--> statement-breakpoint
CREATE INDEX "work_credits_work_idx" ON "work_credits" USING btree ("work_id");--> statement-breakpoint
CREATE INDEX "work_credits_talent_idx" ON "work_credits" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "work_images_work_idx" ON "work_images" USING btree ("work_id");--> statement-breakpoint
CREATE INDEX "works_owner_idx" ON "works" USING btree ("owner_id");