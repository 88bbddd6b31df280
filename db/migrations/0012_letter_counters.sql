CREATE TABLE "transfer_letter_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
-- Letter numbers count per year (transfer_letter_counters); the portal-wide sequence of 0011 is no longer used.
DROP SEQUENCE IF EXISTS "transfer_letter_seq";
