import { Migration } from '@mikro-orm/migrations';

export class Migration20261127061544 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "form_submission" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" uuid not null, "campaign_id" uuid not null, "form_version_id" uuid not null, "unit_id" uuid null, "person_id" uuid not null, "mandate_id" uuid null, "data" jsonb not null, "status" varchar(16) not null default 'draft', "late" boolean not null default false, "submitted_at" timestamptz null, constraint "form_submission_pkey" primary key ("id"));`);
    this.addSql(`create index "form_submission_campaign_id_index" on "form_submission" ("campaign_id");`);
    this.addSql(`alter table "form_submission" add constraint "form_submission_task_id_unique" unique ("task_id");`);

    this.addSql(`alter table "form_submission" add constraint "form_submission_form_version_id_foreign" foreign key ("form_version_id") references "form_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "form_submission" add constraint "form_submission_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "form_submission" add constraint "form_submission_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "form_submission" cascade;`);
  }

}
