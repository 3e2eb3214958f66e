import { Migration } from '@mikro-orm/migrations';

export class Migration20261204040628 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "advanced_example" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(24) not null, "unit_id" uuid not null, "person_id" uuid null, "year" int not null, "title" varchar(300) not null, "account" text not null, "nominated_by_id" uuid not null, "status" varchar(16) not null default 'submitted', "attachments" jsonb not null, "reviewed_by_id" uuid null, "reviewed_at" timestamptz null, "review_note" varchar(2000) null, constraint "advanced_example_pkey" primary key ("id"));`);
    this.addSql(`create index "advanced_example_person_id_index" on "advanced_example" ("person_id");`);
    this.addSql(`create index "advanced_example_status_year_index" on "advanced_example" ("status", "year");`);
    this.addSql(`create index "advanced_example_unit_id_year_index" on "advanced_example" ("unit_id", "year");`);

    this.addSql(`alter table "advanced_example" add constraint "advanced_example_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advanced_example" add constraint "advanced_example_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advanced_example" add constraint "advanced_example_nominated_by_id_foreign" foreign key ("nominated_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "advanced_example" add constraint "advanced_example_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "advanced_example" cascade;`);
  }

}
