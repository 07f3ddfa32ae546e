CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_update_impacts" (
	"update_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"impact" text NOT NULL,
	CONSTRAINT "incident_update_impacts_pk" PRIMARY KEY("update_id","product_id"),
	CONSTRAINT "incident_update_impacts_impact_valid" CHECK (impact in ('operational', 'degraded_performance', 'partial_outage', 'major_outage'))
);
--> statement-breakpoint
CREATE TABLE "incident_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"message" text NOT NULL,
	"message_en" text,
	CONSTRAINT "incident_updates_status_valid" CHECK (status in ('investigating', 'identified', 'monitoring', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text,
	"title" text NOT NULL,
	"title_en" text,
	"category" smallint NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_external_id_key" UNIQUE("external_id"),
	CONSTRAINT "incidents_category_valid" CHECK (category in (1, 2)),
	CONSTRAINT "incidents_status_valid" CHECK (status in ('investigating', 'identified', 'monitoring', 'resolved')),
	CONSTRAINT "incidents_resolved_after_report" CHECK ("incidents"."resolved_at" is null or "incidents"."resolved_at" >= "incidents"."reported_at")
);
--> statement-breakpoint
CREATE TABLE "maintenance_products" (
	"maintenance_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	CONSTRAINT "maintenance_products_pk" PRIMARY KEY("maintenance_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "maintenance_revisions" (
	"maintenance_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"change" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"note" text,
	CONSTRAINT "maintenance_revisions_pk" PRIMARY KEY("maintenance_id","revision")
);
--> statement-breakpoint
CREATE TABLE "maintenances" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"description" text DEFAULT '' NOT NULL,
	"description_en" text,
	"announced_at" timestamp with time zone,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"expected_impact" text DEFAULT 'major_outage' NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"override_reason" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenances_external_id_key" UNIQUE("external_id"),
	CONSTRAINT "maintenances_type_valid" CHECK (type in ('regular', 'necessary', 'emergency', 'unannounced')),
	CONSTRAINT "maintenances_state_valid" CHECK (state in ('scheduled', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT "maintenances_impact_valid" CHECK (expected_impact in ('operational', 'degraded_performance', 'partial_outage', 'major_outage')),
	CONSTRAINT "maintenances_window_order" CHECK ("maintenances"."window_end" > "maintenances"."window_start"),
	CONSTRAINT "maintenances_cancel_reason" CHECK (("maintenances"."state" = 'cancelled') = ("maintenances"."cancel_reason" is not null)),
	CONSTRAINT "maintenances_revision_positive" CHECK ("maintenances"."revision" >= 0)
);
--> statement-breakpoint
CREATE TABLE "monthly_kpis" (
	"month" text PRIMARY KEY NOT NULL,
	"call_setup_seconds" double precision NOT NULL,
	"call_success_ratio" double precision NOT NULL,
	CONSTRAINT "monthly_kpis_month_format" CHECK ("monthly_kpis"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "monthly_kpis_setup_positive" CHECK ("monthly_kpis"."call_setup_seconds" >= 0),
	CONSTRAINT "monthly_kpis_ratio_range" CHECK ("monthly_kpis"."call_success_ratio" >= 0 and "monthly_kpis"."call_success_ratio" <= 100)
);
--> statement-breakpoint
CREATE TABLE "outages" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text,
	"product_id" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"impact" text NOT NULL,
	"source" text NOT NULL,
	"note" text,
	CONSTRAINT "outages_external_id_key" UNIQUE("external_id"),
	CONSTRAINT "outages_impact_valid" CHECK (impact in ('operational', 'degraded_performance', 'partial_outage', 'major_outage')),
	CONSTRAINT "outages_source_valid" CHECK (source in ('nms', 'import', 'manual', 'demo')),
	CONSTRAINT "outages_order" CHECK ("outages"."ended_at" is null or "outages"."ended_at" > "outages"."started_at")
);
--> statement-breakpoint
CREATE TABLE "product_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "product_groups_slug_key" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"group_id" integer NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL,
	"availability_target" double precision,
	"measured_since" timestamp with time zone NOT NULL,
	CONSTRAINT "products_slug_key" UNIQUE("slug"),
	CONSTRAINT "products_target_range" CHECK ("products"."availability_target" is null or ("products"."availability_target" > 0 and "products"."availability_target" <= 100))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'operator' NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_email_key" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_update_impacts" ADD CONSTRAINT "incident_update_impacts_update_id_incident_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."incident_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_update_impacts" ADD CONSTRAINT "incident_update_impacts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_products" ADD CONSTRAINT "maintenance_products_maintenance_id_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."maintenances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_products" ADD CONSTRAINT "maintenance_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_revisions" ADD CONSTRAINT "maintenance_revisions_maintenance_id_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."maintenances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_group_id_product_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."product_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "incident_update_impacts_product_idx" ON "incident_update_impacts" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "incident_updates_incident_idx" ON "incident_updates" USING btree ("incident_id","published_at");--> statement-breakpoint
CREATE INDEX "incident_updates_published_idx" ON "incident_updates" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "incidents_reported_idx" ON "incidents" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "incidents_open_idx" ON "incidents" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "maintenance_products_product_idx" ON "maintenance_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "maintenance_revisions_changed_idx" ON "maintenance_revisions" USING btree ("changed_at");--> statement-breakpoint
CREATE INDEX "maintenances_window_idx" ON "maintenances" USING btree ("window_start","window_end");--> statement-breakpoint
CREATE INDEX "outages_product_time_idx" ON "outages" USING btree ("product_id","started_at");--> statement-breakpoint
CREATE INDEX "products_group_idx" ON "products" USING btree ("group_id");