import { Migration } from '@mikro-orm/migrations';

export class Migration20261204042352 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "consultation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "proposal_id" uuid not null, "opens_on" varchar(10) not null, "closes_on" varchar(10) not null, "working_days" int not null, "opened_by_id" uuid not null, constraint "consultation_pkey" primary key ("id"));`);
    this.addSql(`create index "consultation_closes_on_index" on "consultation" ("closes_on");`);
    this.addSql(`alter table "consultation" add constraint "consultation_proposal_id_unique" unique ("proposal_id");`);

    this.addSql(`create table "consultation_objection" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "consultation_id" uuid not null, "author_id" uuid not null, "text" text not null, constraint "consultation_objection_pkey" primary key ("id"));`);
    this.addSql(`create index "consultation_objection_consultation_id_index" on "consultation_objection" ("consultation_id");`);

    this.addSql(`alter table "consultation" add constraint "consultation_proposal_id_foreign" foreign key ("proposal_id") references "commendation_proposal" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "consultation" add constraint "consultation_opened_by_id_foreign" foreign key ("opened_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "consultation_objection" add constraint "consultation_objection_consultation_id_foreign" foreign key ("consultation_id") references "consultation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "consultation_objection" add constraint "consultation_objection_author_id_foreign" foreign key ("author_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "consultation_objection" drop constraint "consultation_objection_consultation_id_foreign";`);

    this.addSql(`drop table if exists "consultation" cascade;`);

    this.addSql(`drop table if exists "consultation_objection" cascade;`);
  }

}
