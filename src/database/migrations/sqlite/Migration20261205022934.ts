import { Migration } from '@mikro-orm/migrations';

export class Migration20261205022934 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`commendation_proposal\` add column \`account\` text null;`);
    this.addSql(`alter table \`commendation_proposal\` add column \`campaign_id\` text null;`);
    this.addSql(`create index \`commendation_proposal_campaign_id_index\` on \`commendation_proposal\` (\`campaign_id\`);`);

    this.addSql(`alter table \`advanced_example\` add column \`commendation_campaign_id\` text null;`);
  }

}
