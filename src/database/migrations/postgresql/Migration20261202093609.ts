import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093609 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commendation_decision" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(60) not null, "signed_on" varchar(10) not null, "issuer" varchar(255) not null, "campaign_id" uuid null, "campaign_name" varchar(255) null, "stage_run_id" uuid null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, constraint "commendation_decision_pkey" primary key ("id"));`);
    this.addSql(`create index "commendation_decision_campaign_id_index" on "commendation_decision" ("campaign_id");`);
    this.addSql(`alter table "commendation_decision" add constraint "commendation_decision_stage_run_id_unique" unique ("stage_run_id");`);

    this.addSql(`create table "commendation_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "decision_id" uuid not null, "recipient_key" varchar(80) not null, "unit_id" uuid null, "person_id" uuid null, "kind" varchar(16) not null default 'title', "title_code" varchar(64) not null, "title_label" jsonb not null, "year" int not null, "campaign_id" uuid null, constraint "commendation_record_pkey" primary key ("id"));`);
    this.addSql(`create index "commendation_record_campaign_id_index" on "commendation_record" ("campaign_id");`);
    this.addSql(`create index "commendation_record_person_id_index" on "commendation_record" ("person_id");`);
    this.addSql(`create index "commendation_record_unit_id_index" on "commendation_record" ("unit_id");`);
    this.addSql(`create index "commendation_record_year_index" on "commendation_record" ("year");`);
    this.addSql(`alter table "commendation_record" add constraint "commendation_record_decision_id_recipient_key_title_code_unique" unique ("decision_id", "recipient_key", "title_code");`);

    this.addSql(`alter table "commendation_decision" add constraint "commendation_decision_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "commendation_record" add constraint "commendation_record_decision_id_foreign" foreign key ("decision_id") references "commendation_decision" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commendation_record" add constraint "commendation_record_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commendation_record" add constraint "commendation_record_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commendation_record" drop constraint "commendation_record_decision_id_foreign";`);

    this.addSql(`drop table if exists "commendation_decision" cascade;`);

    this.addSql(`drop table if exists "commendation_record" cascade;`);
  }

}
