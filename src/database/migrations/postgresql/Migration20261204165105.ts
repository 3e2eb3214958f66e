import { Migration } from '@mikro-orm/migrations';

export class Migration20261204165105 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "campaign_year_index" on "campaign" ("year");`);

    this.addSql(`create index "task_campaign_id_status_index" on "task" ("campaign_id", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "campaign_year_index";`);

    this.addSql(`drop index "task_campaign_id_status_index";`);
  }

}
