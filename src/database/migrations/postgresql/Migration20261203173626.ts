import { Migration } from '@mikro-orm/migrations';

export class Migration20261203173626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commendation_proposal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "unit_id" uuid not null, "person_id" uuid null, "recipient_key" varchar(80) not null, "year" int not null, "title_code" varchar(64) not null, "pack_key" varchar(64) not null, "eligible" boolean not null, "reasons" jsonb not null, "override_reason" varchar(1000) null, "overridden_by_id" uuid null, "priority" int not null, "proposed_by_id" uuid not null, "proposed_at" timestamptz not null, constraint "commendation_proposal_pkey" primary key ("id"));`);
    this.addSql(`create index "commendation_proposal_unit_id_year_title_code_index" on "commendation_proposal" ("unit_id", "year", "title_code");`);
    this.addSql(`alter table "commendation_proposal" add constraint "commendation_proposal_recipient_key_title_code_year_unique" unique ("recipient_key", "title_code", "year");`);

    this.addSql(`alter table "commendation_proposal" add constraint "commendation_proposal_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commendation_proposal" add constraint "commendation_proposal_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commendation_proposal" add constraint "commendation_proposal_overridden_by_id_foreign" foreign key ("overridden_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commendation_proposal" add constraint "commendation_proposal_proposed_by_id_foreign" foreign key ("proposed_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commendation_proposal" cascade;`);
  }

}
