ALTER TABLE "talent_profiles" ADD COLUMN "zone_assigned_by" uuid;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD COLUMN "zone_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_zone_assigned_by_users_id_fk" FOREIGN KEY ("zone_assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Nobody without an office (issue 14 §3): profiles outside the zone offices' districts, or without a district, go to
-- the default office (lib/talent/zones.ts DEFAULT_ZONE), where that zone exists (reference data).
UPDATE "talent_profiles" SET "zone_code" = 'zsq' WHERE "zone_code" IS NULL AND EXISTS (SELECT 1 FROM "zones" WHERE "code" = 'zsq');
--> statement-breakpoint
UPDATE "policy_applications" SET "zone_code" = 'zsq' WHERE "zone_code" IS NULL AND EXISTS (SELECT 1 FROM "zones" WHERE "code" = 'zsq');
