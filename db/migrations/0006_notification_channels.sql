ALTER TABLE "notification_jobs" DROP CONSTRAINT "notification_jobs_dedup_key";--> statement-breakpoint
ALTER TABLE "subscribers" DROP CONSTRAINT "subscribers_webhook_fields";--> statement-breakpoint
ALTER TABLE "subscribers" DROP CONSTRAINT "subscribers_channel_valid";--> statement-breakpoint
DROP INDEX "notification_jobs_event_idx";--> statement-breakpoint
DROP INDEX "subscribers_webhook_key";--> statement-breakpoint
DROP INDEX "notification_jobs_due_idx";--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "link_key" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_jobs_event_subscriber_key" ON "notification_jobs" USING btree ("event_id","subscriber_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_jobs_event_recipient_key" ON "notification_jobs" USING btree ("event_id","recipient");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_url_key" ON "subscribers" USING btree ("channel","url") WHERE "subscribers"."url" is not null;--> statement-breakpoint
CREATE INDEX "notification_jobs_due_idx" ON "notification_jobs" USING btree ("channel","run_after") WHERE "notification_jobs"."state" in ('queued', 'sending', 'failed');--> statement-breakpoint
ALTER TABLE "notification_jobs" DROP COLUMN "dedup_key";--> statement-breakpoint
-- Hand-written (data): a job being sent keeps its lease, which now lives in run_after.
UPDATE "notification_jobs" SET "run_after" = "locked_until" WHERE "state" = 'sending' AND "locked_until" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_jobs" DROP COLUMN "locked_until";--> statement-breakpoint
ALTER TABLE "notification_jobs" ADD CONSTRAINT "notification_jobs_channel_valid" CHECK (channel in ('email', 'webhook', 'teams', 'slack', 'discord'));--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_url_fields" CHECK (("subscribers"."channel" = 'email') = ("subscribers"."url" is null));--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_webhook_secret" CHECK (("subscribers"."channel" = 'webhook') = ("subscribers"."secret" is not null));--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_channel_valid" CHECK (channel in ('email', 'webhook', 'teams', 'slack', 'discord'));