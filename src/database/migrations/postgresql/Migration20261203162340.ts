import { Migration } from '@mikro-orm/migrations';

export class Migration20261203162340 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "staff_absence" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "from_date" varchar(10) not null, "to_date" varchar(10) not null, "note" varchar(255) null, constraint "staff_absence_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_absence_person_id_index" on "staff_absence" ("person_id");`);

    this.addSql(`create table "staff_discipline" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "level" varchar(24) not null, "violation_date" varchar(10) not null, "decision_date" varchar(10) null, "decision_number" varchar(60) null, constraint "staff_discipline_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_discipline_person_id_index" on "staff_discipline" ("person_id");`);

    this.addSql(`create table "staff_year" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "unit_id" uuid not null, "year" int not null, "task_result" varchar(16) null, constraint "staff_year_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_year_unit_id_year_index" on "staff_year" ("unit_id", "year");`);
    this.addSql(`alter table "staff_year" add constraint "staff_year_person_id_year_unique" unique ("person_id", "year");`);

    this.addSql(`create table "initiative" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(500) not null, "person_id" uuid null, "unit_id" uuid null, "year" int not null, "scope" varchar(16) not null, "decision_number" varchar(60) null, constraint "initiative_pkey" primary key ("id"));`);
    this.addSql(`create index "initiative_unit_id_index" on "initiative" ("unit_id");`);
    this.addSql(`create index "initiative_person_id_index" on "initiative" ("person_id");`);

    this.addSql(`alter table "staff_absence" add constraint "staff_absence_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "staff_discipline" add constraint "staff_discipline_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "staff_year" add constraint "staff_year_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "staff_year" add constraint "staff_year_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "initiative" add constraint "initiative_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "initiative" add constraint "initiative_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "person" add column "recruited_on" varchar(10) null;`);

    this.addSql(`alter table "commendation_record" add column "revoked_at" timestamptz null, add column "revocation_reason" varchar(1000) null, add column "revocation_decision" varchar(60) null;`);

    this.addSql(`alter table "unit_evaluation" add column "task_result" varchar(16) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staff_absence" cascade;`);

    this.addSql(`drop table if exists "staff_discipline" cascade;`);

    this.addSql(`drop table if exists "staff_year" cascade;`);

    this.addSql(`drop table if exists "initiative" cascade;`);

    this.addSql(`alter table "commendation_record" drop column "revoked_at", drop column "revocation_reason", drop column "revocation_decision";`);

    this.addSql(`alter table "person" drop column "recruited_on";`);

    this.addSql(`alter table "unit_evaluation" drop column "task_result";`);
  }

}
