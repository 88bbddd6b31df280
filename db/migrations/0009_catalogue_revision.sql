CREATE TABLE "catalogue_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "catalogue_revision_one_row" CHECK ("catalogue_revision"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "catalogue_revision" ("id", "revision") VALUES (1, 1) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
-- Every statement that writes the catalogue bumps the revision in its own transaction (issue 14 §2): a cache keyed by
-- it sees a change on another server at its next read, whatever that server's clock says.
CREATE OR REPLACE FUNCTION catalogue_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_revision (id, revision) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET revision = catalogue_revision.revision + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER policies_bump_catalogue_revision AFTER INSERT OR UPDATE OR DELETE ON policies
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_revision_bump();
--> statement-breakpoint
CREATE TRIGGER policy_versions_bump_catalogue_revision AFTER INSERT OR UPDATE OR DELETE ON policy_versions
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_revision_bump();
--> statement-breakpoint
CREATE TRIGGER exclusion_groups_bump_catalogue_revision AFTER INSERT OR UPDATE OR DELETE ON exclusion_groups
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_revision_bump();
