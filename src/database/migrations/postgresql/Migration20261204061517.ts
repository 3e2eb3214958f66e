import { Migration } from '@mikro-orm/migrations';

export class Migration20261204061517 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commendation_proposal" add column "status" varchar(16) not null default 'proposed', add column "poll_id" uuid null, add column "decision_id" uuid null;`);
    this.addSql(`alter table "commendation_proposal" add constraint "commendation_proposal_decision_id_foreign" foreign key ("decision_id") references "commendation_decision" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "commendation_proposal_poll_id_index" on "commendation_proposal" ("poll_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commendation_proposal" drop constraint "commendation_proposal_decision_id_foreign";`);

    this.addSql(`drop index "commendation_proposal_poll_id_index";`);
    this.addSql(`alter table "commendation_proposal" drop column "status", drop column "poll_id", drop column "decision_id";`);
  }

}
