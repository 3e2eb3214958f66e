import { Migration } from '@mikro-orm/migrations';

export class Migration20261127045707 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_amendment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "date" varchar(10) not null, "kind" varchar(16) not null, "note" varchar(500) null, constraint "calendar_amendment_pkey" primary key ("id"));`);
    this.addSql(`alter table "calendar_amendment" add constraint "calendar_amendment_date_unique" unique ("date");`);

    this.addSql(`create table "idempotency_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "status" int not null, "body" jsonb not null, constraint "idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_person_id_key_unique" unique ("person_id", "key");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "queue" varchar(64) not null, "job_name" varchar(64) not null, "job_id" varchar(200) not null, "payload" jsonb not null, "run_at" timestamptz null, "sent_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_job_id_unique" unique ("job_id");`);
    this.addSql(`create index "outbox_message_sent_at_created_at_index" on "outbox_message" ("sent_at", "created_at");`);

    this.addSql(`create table "workflow_definition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(100) not null, "name" varchar(255) not null, "draft" jsonb not null, "built_in" boolean not null default false, "archived_at" timestamptz null, constraint "workflow_definition_pkey" primary key ("id"));`);
    this.addSql(`alter table "workflow_definition" add constraint "workflow_definition_key_unique" unique ("key");`);

    this.addSql(`create table "workflow_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "definition_id" uuid not null, "number" int not null, "document" jsonb not null, "content_hash" varchar(64) not null, "published_by_id" uuid null, "published_at" timestamptz not null, constraint "workflow_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "workflow_version" add constraint "workflow_version_definition_id_content_hash_unique" unique ("definition_id", "content_hash");`);
    this.addSql(`alter table "workflow_version" add constraint "workflow_version_definition_id_number_unique" unique ("definition_id", "number");`);

    this.addSql(`create table "campaign" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "workflow_version_id" uuid not null, "subject_cluster_id" uuid null, "subject_unit_id" uuid null, "year" int not null, "status" varchar(16) not null default 'running', "context" jsonb not null, "active_stages" jsonb not null, "version" int not null default 1, "cancel_reason" text null, "ended_at" timestamptz null, "launched_by_id" uuid null, constraint "campaign_pkey" primary key ("id"));`);
    this.addSql(`create index "campaign_status_index" on "campaign" ("status");`);

    this.addSql(`create table "stage_run" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "campaign_id" uuid not null, "stage_key" varchar(100) not null, "iteration" int not null, "stage_type" varchar(32) not null, "status" varchar(16) not null default 'active', "outcome" varchar(64) null, "due_at" timestamptz null, "overdue" boolean not null default false, "closed_at" timestamptz null, constraint "stage_run_pkey" primary key ("id"));`);
    this.addSql(`create index "stage_run_status_due_at_index" on "stage_run" ("status", "due_at");`);
    this.addSql(`alter table "stage_run" add constraint "stage_run_campaign_id_stage_key_iteration_unique" unique ("campaign_id", "stage_key", "iteration");`);

    this.addSql(`create table "task" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "campaign_id" uuid not null, "stage_run_id" uuid not null, "assignee_key" varchar(80) not null, "assignee_unit_id" uuid null, "assignee_person_id" uuid null, "status" varchar(16) not null default 'open', "due_at" timestamptz null, "late" boolean not null default false, "outcome" varchar(64) null, "comment" text null, "completed_by_id" uuid null, "completed_mandate_id" uuid null, "completed_at" timestamptz null, constraint "task_pkey" primary key ("id"));`);
    this.addSql(`create index "task_assignee_person_id_status_index" on "task" ("assignee_person_id", "status");`);
    this.addSql(`create index "task_assignee_unit_id_status_index" on "task" ("assignee_unit_id", "status");`);
    this.addSql(`alter table "task" add constraint "task_stage_run_id_assignee_key_unique" unique ("stage_run_id", "assignee_key");`);

    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "dedupe_key" varchar(200) not null, "unit_id" uuid null, "person_id" uuid null, "campaign_id" uuid not null, "task_id" uuid null, "kind" varchar(32) not null, "message" jsonb not null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification" add constraint "notification_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "notification_person_id_read_at_index" on "notification" ("person_id", "read_at");`);
    this.addSql(`create index "notification_unit_id_read_at_index" on "notification" ("unit_id", "read_at");`);

    this.addSql(`create table "campaign_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "campaign_id" uuid not null, "seq" int not null, "type" varchar(64) not null, "actor" jsonb null, "data" jsonb not null, "occurred_at" timestamptz not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "campaign_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "campaign_event" add constraint "campaign_event_campaign_id_seq_unique" unique ("campaign_id", "seq");`);

    this.addSql(`alter table "workflow_version" add constraint "workflow_version_definition_id_foreign" foreign key ("definition_id") references "workflow_definition" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "workflow_version" add constraint "workflow_version_published_by_id_foreign" foreign key ("published_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "campaign" add constraint "campaign_workflow_version_id_foreign" foreign key ("workflow_version_id") references "workflow_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "campaign" add constraint "campaign_subject_cluster_id_foreign" foreign key ("subject_cluster_id") references "cluster" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "campaign" add constraint "campaign_subject_unit_id_foreign" foreign key ("subject_unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "campaign" add constraint "campaign_launched_by_id_foreign" foreign key ("launched_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stage_run" add constraint "stage_run_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "task" add constraint "task_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task" add constraint "task_stage_run_id_foreign" foreign key ("stage_run_id") references "stage_run" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task" add constraint "task_assignee_unit_id_foreign" foreign key ("assignee_unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "task" add constraint "task_assignee_person_id_foreign" foreign key ("assignee_person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "task" add constraint "task_completed_by_id_foreign" foreign key ("completed_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "notification" add constraint "notification_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notification" add constraint "notification_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notification" add constraint "notification_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "campaign_event" add constraint "campaign_event_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "workflow_version" drop constraint "workflow_version_definition_id_foreign";`);

    this.addSql(`alter table "campaign" drop constraint "campaign_workflow_version_id_foreign";`);

    this.addSql(`alter table "stage_run" drop constraint "stage_run_campaign_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_campaign_id_foreign";`);

    this.addSql(`alter table "notification" drop constraint "notification_campaign_id_foreign";`);

    this.addSql(`alter table "campaign_event" drop constraint "campaign_event_campaign_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_stage_run_id_foreign";`);

    this.addSql(`alter table "notification" drop constraint "notification_task_id_foreign";`);

    this.addSql(`drop table if exists "calendar_amendment" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "workflow_definition" cascade;`);

    this.addSql(`drop table if exists "workflow_version" cascade;`);

    this.addSql(`drop table if exists "campaign" cascade;`);

    this.addSql(`drop table if exists "stage_run" cascade;`);

    this.addSql(`drop table if exists "task" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "campaign_event" cascade;`);
  }

}
