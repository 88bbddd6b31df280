CREATE TYPE "public"."booking_status" AS ENUM('held', 'pending', 'confirmed', 'checked_in', 'cancelled', 'rejected', 'expired', 'completed', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."space_kind" AS ENUM('studio', 'electric_kiln', 'gas_kiln', 'wood_kiln', 'exhibition_hall', 'livestream_room', 'meeting_room');--> statement-breakpoint
CREATE TABLE "booking_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "booking_status" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"block_start" timestamp with time zone NOT NULL,
	"block_end" timestamp with time zone NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"purpose" text,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"ical_sequence" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_range_ck" CHECK ("bookings"."ends_at" > "bookings"."starts_at"),
	CONSTRAINT "bookings_block_ck" CHECK ("bookings"."block_start" <= "bookings"."starts_at" AND "bookings"."block_end" >= "bookings"."ends_at"),
	CONSTRAINT "bookings_hold_ck" CHECK ("bookings"."status" <> 'held' OR "bookings"."hold_expires_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "spaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_code" text NOT NULL,
	"kind" "space_kind" NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"location_zh" text DEFAULT '' NOT NULL,
	"location_en" text DEFAULT '' NOT NULL,
	"photo" text,
	"capacity" integer DEFAULT 1 NOT NULL,
	"equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_fen" integer,
	"price_unit" text DEFAULT 'hour' NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"opening_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"slot_minutes" integer DEFAULT 60 NOT NULL,
	"min_minutes" integer DEFAULT 60 NOT NULL,
	"max_minutes" integer DEFAULT 240 NOT NULL,
	"buffer_before_min" integer DEFAULT 0 NOT NULL,
	"buffer_after_min" integer DEFAULT 0 NOT NULL,
	"min_notice_min" integer DEFAULT 60 NOT NULL,
	"max_advance_days" integer DEFAULT 30 NOT NULL,
	"cancel_cutoff_min" integer DEFAULT 120 NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"checkin_required" boolean DEFAULT false NOT NULL,
	"checkin_grace_min" integer DEFAULT 15 NOT NULL,
	"eligible_policy_code" text,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checkin_token" text NOT NULL,
	"ical_token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spaces_rules_ck" CHECK ("spaces"."slot_minutes" > 0 AND "spaces"."min_minutes" > 0 AND "spaces"."max_minutes" >= "spaces"."min_minutes" AND "spaces"."buffer_before_min" >= 0 AND "spaces"."buffer_after_min" >= 0 AND "spaces"."min_notice_min" >= 0 AND "spaces"."max_advance_days" > 0 AND "spaces"."cancel_cutoff_min" >= 0 AND "spaces"."checkin_grace_min" >= 0 AND "spaces"."capacity" > 0),
	CONSTRAINT "spaces_price_ck" CHECK ("spaces"."price_fen" IS NULL OR "spaces"."price_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "booking_feeds" ADD CONSTRAINT "booking_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_zone_code_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."zones"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_space_idx" ON "bookings" USING btree ("space_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_user_idx" ON "bookings" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_cancelled_by_idx" ON "bookings" USING btree ("cancelled_by");--> statement-breakpoint
CREATE INDEX "bookings_decided_by_idx" ON "bookings" USING btree ("decided_by");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_idempotency_uq" ON "bookings" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "spaces_zone_idx" ON "spaces" USING btree ("zone_code");--> statement-breakpoint
CREATE INDEX "spaces_kind_idx" ON "spaces" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "spaces_checkin_token_uq" ON "spaces" USING btree ("checkin_token");--> statement-breakpoint
CREATE UNIQUE INDEX "spaces_ical_token_uq" ON "spaces" USING btree ("ical_token");--> statement-breakpoint
-- Hand-written (drizzle cannot declare exclusion constraints; booking-and-search.md A7, R2; ADR 015). No two blocking
-- bookings of one space overlap in their buffered windows. The predicate is a literal status list (immutable);
-- expired holds are turned into 'expired' on the conflicting window inside the inserting transaction, because the
-- hold's expiry (now()) cannot appear in a constraint.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("space_id" WITH =, tstzrange("block_start", "block_end", '[)') WITH &&) WHERE ("status" IN ('held', 'pending', 'confirmed', 'checked_in'));--> statement-breakpoint
-- Expired holds and open requests of a window are found by status and hold expiry.
CREATE INDEX "bookings_held_idx" ON "bookings" USING btree ("hold_expires_at") WHERE "status" = 'held';
