CREATE TABLE "talent_match_facts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"eval_date" date NOT NULL,
	"catalogue_key" text NOT NULL,
	"inputs_rev" bigint NOT NULL,
	"statuses" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD COLUMN "matching_rev" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_match_facts" ADD CONSTRAINT "talent_match_facts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_match_facts_key_idx" ON "talent_match_facts" USING btree ("eval_date","catalogue_key");--> statement-breakpoint
-- matching_rev (issue 14 §6): bumped in the same transaction as every change to what the matching projection reads
-- (lib/talent/queries.ts matchingProfileColumns), so that precomputed match facts can tell they are out of date.
CREATE OR REPLACE FUNCTION talent_matching_rev_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.matching_rev := OLD.matching_rev + 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER talent_profiles_matching_rev BEFORE UPDATE ON talent_profiles
  FOR EACH ROW EXECUTE FUNCTION talent_matching_rev_touch();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION talent_matching_rev_bump(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE talent_profiles SET matching_rev = matching_rev + 1 WHERE user_id = ANY(ids);
$$;
--> statement-breakpoint
-- portfolio_count: the works a talent owns.
CREATE OR REPLACE FUNCTION works_matching_rev() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM talent_matching_rev_bump(ARRAY[NEW.owner_id]);
  ELSIF TG_OP = 'DELETE' THEN PERFORM talent_matching_rev_bump(ARRAY[OLD.owner_id]);
  ELSIF NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN PERFORM talent_matching_rev_bump(ARRAY[OLD.owner_id, NEW.owner_id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER works_matching_rev AFTER INSERT OR UPDATE OR DELETE ON works
  FOR EACH ROW EXECUTE FUNCTION works_matching_rev();
--> statement-breakpoint
-- apprentices recorded through the portal: the accepted mentorships of the talent's mentor profile.
CREATE OR REPLACE FUNCTION mentorships_matching_rev() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM talent_matching_rev_bump(ARRAY(
    SELECT m.talent_id FROM mentors m
    WHERE m.talent_id IS NOT NULL
      AND m.id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.mentor_id END, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.mentor_id END)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER mentorships_matching_rev AFTER INSERT OR UPDATE OR DELETE ON mentorships
  FOR EACH ROW EXECUTE FUNCTION mentorships_matching_rev();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mentors_matching_rev() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM talent_matching_rev_bump(ARRAY[NEW.talent_id]);
  ELSIF TG_OP = 'DELETE' THEN PERFORM talent_matching_rev_bump(ARRAY[OLD.talent_id]);
  ELSIF NEW.talent_id IS DISTINCT FROM OLD.talent_id THEN PERFORM talent_matching_rev_bump(ARRAY[OLD.talent_id, NEW.talent_id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER mentors_matching_rev AFTER INSERT OR UPDATE OR DELETE ON mentors
  FOR EACH ROW EXECUTE FUNCTION mentors_matching_rev();
--> statement-breakpoint
-- An apprentice's birth date is read into their mentor's projection (their age on the evaluation date).
CREATE OR REPLACE FUNCTION apprentice_birth_matching_rev() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE uid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.birth_date IS NOT DISTINCT FROM OLD.birth_date THEN RETURN NULL; END IF;
  PERFORM talent_matching_rev_bump(ARRAY(
    SELECT m.talent_id FROM mentorships ms JOIN mentors m ON m.id = ms.mentor_id
    WHERE ms.talent_id = uid AND m.talent_id IS NOT NULL AND m.talent_id <> uid));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER talent_profiles_apprentice_birth_matching_rev AFTER INSERT OR DELETE OR UPDATE OF birth_date ON talent_profiles
  FOR EACH ROW EXECUTE FUNCTION apprentice_birth_matching_rev();
