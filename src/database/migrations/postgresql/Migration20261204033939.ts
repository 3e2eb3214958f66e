import { Migration } from '@mikro-orm/migrations';

export class Migration20261204033939 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "initiative_application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(500) not null, "description" text not null, "benefits" text not null, "requested_scope" varchar(16) not null, "year" int not null, "unit_id" uuid not null, "person_id" uuid null, "submitted_by_id" uuid not null, "status" varchar(16) not null default 'submitted', "poll_id" uuid null, "attachments" jsonb not null, "decision_number" varchar(60) null, "decided_on" varchar(10) null, "decided_scope" varchar(16) null, "initiative_id" uuid null, constraint "initiative_application_pkey" primary key ("id"));`);
    this.addSql(`create index "initiative_application_status_index" on "initiative_application" ("status");`);
    this.addSql(`create index "initiative_application_unit_id_year_index" on "initiative_application" ("unit_id", "year");`);

    this.addSql(`alter table "initiative_application" add constraint "initiative_application_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "initiative_application" add constraint "initiative_application_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "initiative_application" add constraint "initiative_application_submitted_by_id_foreign" foreign key ("submitted_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "initiative_application" add constraint "initiative_application_initiative_id_foreign" foreign key ("initiative_id") references "initiative" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "initiative_application" cascade;`);
  }

}
