import { Migration } from '@mikro-orm/migrations';

export class Migration20261205022940 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commendation_proposal" add column "account" text null, add column "campaign_id" uuid null;`);
    this.addSql(`create index "commendation_proposal_campaign_id_index" on "commendation_proposal" ("campaign_id");`);

    this.addSql(`alter table "advanced_example" add column "commendation_campaign_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "advanced_example" drop column "commendation_campaign_id";`);

    this.addSql(`drop index "commendation_proposal_campaign_id_index";`);
    this.addSql(`alter table "commendation_proposal" drop column "account", drop column "campaign_id";`);
  }

}
