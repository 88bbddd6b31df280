-- Published policy versions never overlap in time (per policy): the evaluator must find at most one in force.
ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_no_overlap
  EXCLUDE USING gist (policy_code WITH =, daterange(effective_from, effective_to, '[]') WITH &&)
  WHERE (status <> 'draft');
--> statement-breakpoint
-- A published version is immutable: only active → retired (or retired → active) may change, plus bookkeeping.
-- Drafts may be edited and deleted; a published version may not be deleted.
CREATE OR REPLACE FUNCTION policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'policy version %/% is published and cannot be deleted', OLD.policy_code, OLD.version USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
       NEW.definition IS DISTINCT FROM OLD.definition
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.policy_code IS DISTINCT FROM OLD.policy_code
    OR NEW.effective_from IS DISTINCT FROM OLD.effective_from
    OR (NEW.effective_to IS DISTINCT FROM OLD.effective_to AND NOT (OLD.effective_to IS NULL AND NEW.status = 'active'))
    OR NEW.status = 'draft') THEN
    RAISE EXCEPTION 'policy version %/% is published and immutable; publish a new version instead', OLD.policy_code, OLD.version USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION policy_versions_immutable();
