CREATE TABLE "notification_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"dedup_key" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_events_dedup_key" UNIQUE("dedup_key")
);
--> statement-breakpoint
CREATE TABLE "notification_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"subscriber_id" integer,
	"channel" text NOT NULL,
	"recipient" text,
	"dedup_key" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_jobs_dedup_key" UNIQUE("dedup_key"),
	CONSTRAINT "notification_jobs_state_valid" CHECK (state in ('queued', 'sending', 'sent', 'failed', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "subscriber_products" (
	"subscriber_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	CONSTRAINT "subscriber_products_pk" PRIMARY KEY("subscriber_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "subscriber_tokens" (
	"hash" text PRIMARY KEY NOT NULL,
	"subscriber_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"email" text NOT NULL,
	"url" text,
	"secret" text,
	"locale" text DEFAULT 'nl' NOT NULL,
	"all_products" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"last_confirmation_at" timestamp with time zone,
	CONSTRAINT "subscribers_channel_valid" CHECK (channel in ('email', 'webhook')),
	CONSTRAINT "subscribers_webhook_fields" CHECK (("subscribers"."channel" = 'webhook') = ("subscribers"."url" is not null and "subscribers"."secret" is not null))
);
--> statement-breakpoint
ALTER TABLE "notification_jobs" ADD CONSTRAINT "notification_jobs_event_id_notification_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."notification_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_jobs" ADD CONSTRAINT "notification_jobs_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_products" ADD CONSTRAINT "subscriber_products_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_products" ADD CONSTRAINT "subscriber_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_tokens" ADD CONSTRAINT "subscriber_tokens_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_events_created_idx" ON "notification_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notification_jobs_due_idx" ON "notification_jobs" USING btree ("state","run_after");--> statement-breakpoint
CREATE INDEX "notification_jobs_event_idx" ON "notification_jobs" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "notification_jobs_subscriber_idx" ON "notification_jobs" USING btree ("subscriber_id");--> statement-breakpoint
CREATE INDEX "subscriber_products_product_idx" ON "subscriber_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "subscriber_tokens_subscriber_idx" ON "subscriber_tokens" USING btree ("subscriber_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_email_key" ON "subscribers" USING btree ("email") WHERE "subscribers"."channel" = 'email';--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_webhook_key" ON "subscribers" USING btree ("url") WHERE "subscribers"."channel" = 'webhook';