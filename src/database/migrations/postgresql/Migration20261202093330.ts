import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093330 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stored_file" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "sha256" char(64) not null, "size_bytes" int not null, "media_type" varchar(255) not null, "original_name" varchar(255) not null, "storage_key" varchar(200) not null, "uploaded_by_id" uuid not null, "uploaded_at" timestamptz not null, "purpose" varchar(40) not null, constraint "stored_file_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_file_uploaded_by_id_index" on "stored_file" ("uploaded_by_id");`);
    this.addSql(`create index "stored_file_sha256_index" on "stored_file" ("sha256");`);

    this.addSql(`create table "launch_schedule" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "workflow_id" uuid not null, "year" int not null, "subject_kind" varchar(32) not null, "unit_type" varchar(64) not null default '', "date" varchar(7) not null, "shift" varchar(20) not null default 'none', "name_template" varchar(255) not null, "enabled" boolean not null default true, "created_by_id" uuid not null, "last_run" jsonb null, "version" int not null default 1, constraint "launch_schedule_pkey" primary key ("id"));`);
    this.addSql(`alter table "launch_schedule" add constraint "launch_schedule_workflow_id_year_subject_kind_unit_type_unique" unique ("workflow_id", "year", "subject_kind", "unit_type");`);

    this.addSql(`create table "scheduled_launch" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "schedule_id" uuid not null, "year" int not null, "subject_key" varchar(64) not null, "status" varchar(16) not null, "campaign_id" uuid null, "error_code" varchar(100) null, "error_message" text null, "attempts" int not null default 1, "last_outcome" varchar(16) null, "last_attempt_at" timestamptz null, constraint "scheduled_launch_pkey" primary key ("id"));`);
    this.addSql(`alter table "scheduled_launch" add constraint "scheduled_launch_schedule_id_year_subject_key_unique" unique ("schedule_id", "year", "subject_key");`);

    this.addSql(`alter table "stored_file" add constraint "stored_file_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "launch_schedule" add constraint "launch_schedule_workflow_id_foreign" foreign key ("workflow_id") references "workflow_definition" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "launch_schedule" add constraint "launch_schedule_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "scheduled_launch" add constraint "scheduled_launch_schedule_id_foreign" foreign key ("schedule_id") references "launch_schedule" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "scheduled_launch" add constraint "scheduled_launch_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "scheduled_launch" drop constraint "scheduled_launch_schedule_id_foreign";`);

    this.addSql(`drop table if exists "stored_file" cascade;`);

    this.addSql(`drop table if exists "launch_schedule" cascade;`);

    this.addSql(`drop table if exists "scheduled_launch" cascade;`);
  }

}
