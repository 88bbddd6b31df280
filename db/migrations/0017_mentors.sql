CREATE TYPE "public"."mentorship_status" AS ENUM('requested', 'accepted', 'declined', 'withdrawn', 'ended');--> statement-breakpoint
CREATE TABLE "mentors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"talent_id" uuid,
	"display_name" text NOT NULL,
	"crafts" text[] DEFAULT '{}'::text[] NOT NULL,
	"credentials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"district" text NOT NULL,
	"studio_location" text,
	"bio" text,
	"works" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accepts_apprentices" boolean DEFAULT false NOT NULL,
	"max_apprentices" smallint DEFAULT 0 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentors_max_apprentices_ck" CHECK ("mentors"."max_apprentices" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"status" "mentorship_status" DEFAULT 'requested' NOT NULL,
	"request_message" text NOT NULL,
	"response_message" text,
	"start_date" date,
	"months" smallint,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorships_months_ck" CHECK ("mentorships"."months" is null or "mentorships"."months" between 1 and 120),
	CONSTRAINT "mentorships_agreement_ck" CHECK ("mentorships"."status" <> 'accepted' or ("mentorships"."start_date" is not null and "mentorships"."months" is not null))
);
--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_mentors_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mentors_talent_uq" ON "mentors" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "mentors_district_idx" ON "mentors" USING btree ("district");--> statement-breakpoint
CREATE INDEX "mentors_created_by_idx" ON "mentors" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "mentorships_mentor_idx" ON "mentorships" USING btree ("mentor_id","status");--> statement-breakpoint
CREATE INDEX "mentorships_talent_idx" ON "mentorships" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "mentorships_responded_by_idx" ON "mentorships" USING btree ("responded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_one_open_uq" ON "mentorships" USING btree ("mentor_id","talent_id") WHERE status in ('requested', 'accepted');