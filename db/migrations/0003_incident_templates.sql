CREATE TABLE "incident_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"category" smallint NOT NULL,
	"message" text NOT NULL,
	"message_en" text,
	"impacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "incident_templates_name_key" UNIQUE("name")
);
