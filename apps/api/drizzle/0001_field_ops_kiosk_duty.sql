CREATE TABLE "duty_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"department" text NOT NULL,
	"role" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"repeat" jsonb NOT NULL,
	"valid_from" text,
	"valid_until" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"alert" text NOT NULL,
	"clock" text NOT NULL,
	"level" integer NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deliver_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kiosk_undelivered_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"filing" jsonb NOT NULL,
	"problem_status" integer NOT NULL,
	"problem_title" text NOT NULL,
	"problem_detail" text,
	"problem_code" text,
	"queued_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"handled_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_alert_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"actor" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" jsonb NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"person_id" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_fixes" (
	"estate_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"device_id" uuid,
	"device_time" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"accuracy_m" real NOT NULL,
	"heading_deg" real,
	"speed_mps" real,
	"battery_pct" real,
	"reported_datum" text NOT NULL,
	CONSTRAINT "position_fixes_person_id_device_time_pk" PRIMARY KEY("person_id","device_time")
);
--> statement-breakpoint
CREATE TABLE "positions_latest" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"role" text NOT NULL,
	"device_id" uuid,
	"device_time" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"accuracy_m" real NOT NULL,
	"heading_deg" real,
	"speed_mps" real,
	"battery_pct" real
);
--> statement-breakpoint
CREATE TABLE "incident_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"actor" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"responder_id" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_alerts" (
	"key" text PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"round_id" text NOT NULL,
	"type" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"zone_id" uuid,
	"radius_metres" real NOT NULL,
	"expected_minute" integer,
	"tolerance_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "patrol_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"local_date" text NOT NULL,
	"period" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	"round" jsonb NOT NULL,
	"assignee_id" uuid,
	"status" text NOT NULL,
	"completion" real NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_route_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"actor" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"route" jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "patrol_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"name" text NOT NULL,
	"day" jsonb NOT NULL,
	"night" jsonb,
	"window_minutes" integer NOT NULL,
	"tolerance_minutes" integer NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "patrol_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"round_id" text NOT NULL,
	"route_id" uuid NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"guard_id" uuid NOT NULL,
	"device_id" uuid,
	"code" text NOT NULL,
	"method" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"accuracy_m" real NOT NULL,
	"reported_datum" text NOT NULL,
	"verdict" text NOT NULL,
	"distance_metres" real,
	"off_position" boolean NOT NULL,
	"note" text,
	"findings" jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "cleaning_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"task_instance_id" text NOT NULL,
	"zone_id" uuid NOT NULL,
	"task_id" text NOT NULL,
	"local_date" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"cleaner_id" uuid NOT NULL,
	"device_id" uuid,
	"done_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"photo_attachment_id" uuid,
	"note" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "cleaning_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"zone_ids" uuid[],
	"note" text,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"ended_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cleaning_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"zone_kind" text NOT NULL,
	"plan" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cleaning_zone_states" (
	"zone_id" uuid PRIMARY KEY NOT NULL,
	"estate_id" uuid NOT NULL,
	"local_date" text NOT NULL,
	"status" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_staff_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_undelivered_filings" ADD CONSTRAINT "kiosk_undelivered_filings_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_undelivered_filings" ADD CONSTRAINT "kiosk_undelivered_filings_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_undelivered_filings" ADD CONSTRAINT "kiosk_undelivered_filings_handled_by_staff_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_alert_history" ADD CONSTRAINT "field_alert_history_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_alert_history" ADD CONSTRAINT "field_alert_history_alert_id_field_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."field_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_alerts" ADD CONSTRAINT "field_alerts_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_alerts" ADD CONSTRAINT "field_alerts_person_id_staff_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_fixes" ADD CONSTRAINT "position_fixes_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_fixes" ADD CONSTRAINT "position_fixes_person_id_staff_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions_latest" ADD CONSTRAINT "positions_latest_person_id_staff_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions_latest" ADD CONSTRAINT "positions_latest_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_history" ADD CONSTRAINT "incident_history_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_history" ADD CONSTRAINT "incident_history_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_staff_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_responder_id_staff_id_fk" FOREIGN KEY ("responder_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_alerts" ADD CONSTRAINT "patrol_alerts_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_alerts" ADD CONSTRAINT "patrol_alerts_round_id_patrol_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."patrol_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checkpoints" ADD CONSTRAINT "patrol_checkpoints_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checkpoints" ADD CONSTRAINT "patrol_checkpoints_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checkpoints" ADD CONSTRAINT "patrol_checkpoints_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_route_history" ADD CONSTRAINT "patrol_route_history_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_route_history" ADD CONSTRAINT "patrol_route_history_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_routes" ADD CONSTRAINT "patrol_routes_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_scans" ADD CONSTRAINT "patrol_scans_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_scans" ADD CONSTRAINT "patrol_scans_round_id_patrol_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."patrol_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_scans" ADD CONSTRAINT "patrol_scans_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_scans" ADD CONSTRAINT "patrol_scans_checkpoint_id_patrol_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."patrol_checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_scans" ADD CONSTRAINT "patrol_scans_guard_id_staff_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_completions" ADD CONSTRAINT "cleaning_completions_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_completions" ADD CONSTRAINT "cleaning_completions_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_completions" ADD CONSTRAINT "cleaning_completions_cleaner_id_staff_id_fk" FOREIGN KEY ("cleaner_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_completions" ADD CONSTRAINT "cleaning_completions_photo_attachment_id_attachments_id_fk" FOREIGN KEY ("photo_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_conditions" ADD CONSTRAINT "cleaning_conditions_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_conditions" ADD CONSTRAINT "cleaning_conditions_set_by_staff_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_conditions" ADD CONSTRAINT "cleaning_conditions_ended_by_staff_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_plans" ADD CONSTRAINT "cleaning_plans_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_zone_states" ADD CONSTRAINT "cleaning_zone_states_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleaning_zone_states" ADD CONSTRAINT "cleaning_zone_states_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_shifts_estate_idx" ON "duty_shifts" USING btree ("estate_id","department");--> statement-breakpoint
CREATE INDEX "duty_shifts_staff_idx" ON "duty_shifts" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_key" ON "notifications" USING btree ("work_order_id","clock","level","recipient_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","deliver_at");--> statement-breakpoint
CREATE INDEX "notifications_undelivered_idx" ON "notifications" USING btree ("deliver_at") WHERE delivered_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "kiosk_undelivered_device_key" ON "kiosk_undelivered_filings" USING btree ("device_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "kiosk_undelivered_estate_status_idx" ON "kiosk_undelivered_filings" USING btree ("estate_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "field_alert_history_alert_version_key" ON "field_alert_history" USING btree ("alert_id","version");--> statement-breakpoint
CREATE INDEX "field_alerts_estate_status_idx" ON "field_alerts" USING btree ("estate_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "field_alerts_person_idx" ON "field_alerts" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "position_fixes_estate_time_idx" ON "position_fixes" USING btree ("estate_id","device_time");--> statement-breakpoint
CREATE INDEX "positions_latest_estate_idx" ON "positions_latest" USING btree ("estate_id");--> statement-breakpoint
CREATE INDEX "positions_latest_time_idx" ON "positions_latest" USING btree ("device_time");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_history_incident_version_key" ON "incident_history" USING btree ("incident_id","version");--> statement-breakpoint
CREATE INDEX "incidents_estate_reported_idx" ON "incidents" USING btree ("estate_id","reported_at");--> statement-breakpoint
CREATE INDEX "incidents_estate_status_idx" ON "incidents" USING btree ("estate_id","status");--> statement-breakpoint
CREATE INDEX "patrol_alerts_round_idx" ON "patrol_alerts" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_checkpoints_estate_code_key" ON "patrol_checkpoints" USING btree ("estate_id","code") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "patrol_checkpoints_route_idx" ON "patrol_checkpoints" USING btree ("route_id","sequence");--> statement-breakpoint
CREATE INDEX "patrol_rounds_estate_date_idx" ON "patrol_rounds" USING btree ("estate_id","local_date");--> statement-breakpoint
CREATE INDEX "patrol_rounds_open_idx" ON "patrol_rounds" USING btree ("estate_id","closed_at","starts_at");--> statement-breakpoint
CREATE INDEX "patrol_rounds_route_start_idx" ON "patrol_rounds" USING btree ("route_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_route_history_route_version_key" ON "patrol_route_history" USING btree ("route_id","version");--> statement-breakpoint
CREATE INDEX "patrol_routes_estate_idx" ON "patrol_routes" USING btree ("estate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_scans_once_key" ON "patrol_scans" USING btree ("guard_id","checkpoint_id","round_id");--> statement-breakpoint
CREATE INDEX "patrol_scans_estate_time_idx" ON "patrol_scans" USING btree ("estate_id","scanned_at");--> statement-breakpoint
CREATE INDEX "patrol_scans_round_idx" ON "patrol_scans" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cleaning_completions_once_key" ON "cleaning_completions" USING btree ("estate_id","task_instance_id");--> statement-breakpoint
CREATE INDEX "cleaning_completions_estate_date_idx" ON "cleaning_completions" USING btree ("estate_id","local_date");--> statement-breakpoint
CREATE INDEX "cleaning_conditions_active_idx" ON "cleaning_conditions" USING btree ("estate_id","from_date","to_date") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "cleaning_plans_estate_idx" ON "cleaning_plans" USING btree ("estate_id");