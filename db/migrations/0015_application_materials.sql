CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"talent_id" uuid NOT NULL,
	"policy_code" text NOT NULL,
	"material_code" text NOT NULL,
	"application_id" uuid,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_materials_type" CHECK ("application_materials"."content_type" in ('application/pdf', 'image/webp', 'image/jpeg', 'image/png'))
);
--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_policy_code_policies_code_fk" FOREIGN KEY ("policy_code") REFERENCES "public"."policies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_id_policy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."policy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_materials_talent_idx" ON "application_materials" USING btree ("talent_id","policy_code","material_code","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "application_materials_app_code_uq" ON "application_materials" USING btree ("application_id","material_code");--> statement-breakpoint
-- A material attached to an application is frozen with it (kept with the decision): it can no longer be changed,
-- re-pointed or detached. Deletion stays possible only through the cascades (account erasure, application removal).
CREATE OR REPLACE FUNCTION application_materials_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.application_id IS NOT NULL THEN
    RAISE EXCEPTION 'application material % is attached to application % and cannot be changed', OLD.id, OLD.application_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER application_materials_frozen BEFORE UPDATE ON application_materials
  FOR EACH ROW EXECUTE FUNCTION application_materials_frozen();
