ALTER TABLE "exclusion_groups" ADD COLUMN "scope" text;--> statement-breakpoint
ALTER TABLE "exclusion_groups" ADD COLUMN "renews_on" jsonb;