CREATE TABLE "slot_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slot_bookings_quantity_ck" CHECK ("slot_bookings"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "space_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"title_zh" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"kiln_booking_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_slots_range_ck" CHECK ("space_slots"."ends_at" > "space_slots"."starts_at"),
	CONSTRAINT "space_slots_booked_ck" CHECK ("space_slots"."capacity" > 0 AND "space_slots"."booked" >= 0 AND "space_slots"."booked" <= "space_slots"."capacity")
);
--> statement-breakpoint
ALTER TABLE "slot_bookings" ADD CONSTRAINT "slot_bookings_slot_id_space_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."space_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_bookings" ADD CONSTRAINT "slot_bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_slots" ADD CONSTRAINT "space_slots_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_slots" ADD CONSTRAINT "space_slots_kiln_booking_id_bookings_id_fk" FOREIGN KEY ("kiln_booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_slots" ADD CONSTRAINT "space_slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slot_bookings_slot_idx" ON "slot_bookings" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "slot_bookings_user_idx" ON "slot_bookings" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "slot_bookings_one_live_uq" ON "slot_bookings" USING btree ("slot_id","user_id") WHERE status = 'confirmed';--> statement-breakpoint
CREATE INDEX "space_slots_space_idx" ON "space_slots" USING btree ("space_id","starts_at");--> statement-breakpoint
CREATE INDEX "space_slots_kiln_booking_idx" ON "space_slots" USING btree ("kiln_booking_id");--> statement-breakpoint
CREATE INDEX "space_slots_created_by_idx" ON "space_slots" USING btree ("created_by");