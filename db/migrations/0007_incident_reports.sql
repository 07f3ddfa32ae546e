CREATE TABLE "incident_reports" (
	"incident_id" integer PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"body_en" text,
	"published_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_reports_edited_after_publication" CHECK ("incident_reports"."edited_at" is null or ("incident_reports"."published_at" is not null and "incident_reports"."edited_at" >= "incident_reports"."published_at"))
);
--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_reports_published_idx" ON "incident_reports" USING btree ("published_at");