import { Migration } from '@mikro-orm/migrations';

export class Migration20261203173620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`commendation_proposal\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`unit_id\` text not null, \`person_id\` text null, \`recipient_key\` text not null, \`year\` integer not null, \`title_code\` text not null, \`pack_key\` text not null, \`eligible\` integer not null, \`reasons\` json not null, \`override_reason\` text null, \`overridden_by_id\` text null, \`priority\` integer not null, \`proposed_by_id\` text not null, \`proposed_at\` datetime not null, constraint \`commendation_proposal_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`commendation_proposal_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`commendation_proposal_overridden_by_id_foreign\` foreign key(\`overridden_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`commendation_proposal_proposed_by_id_foreign\` foreign key(\`proposed_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`commendation_proposal_unit_id_index\` on \`commendation_proposal\` (\`unit_id\`);`);
    this.addSql(`create index \`commendation_proposal_person_id_index\` on \`commendation_proposal\` (\`person_id\`);`);
    this.addSql(`create index \`commendation_proposal_overridden_by_id_index\` on \`commendation_proposal\` (\`overridden_by_id\`);`);
    this.addSql(`create index \`commendation_proposal_proposed_by_id_index\` on \`commendation_proposal\` (\`proposed_by_id\`);`);
    this.addSql(`create index \`commendation_proposal_unit_id_year_title_code_index\` on \`commendation_proposal\` (\`unit_id\`, \`year\`, \`title_code\`);`);
    this.addSql(`create unique index \`commendation_proposal_recipient_key_title_code_year_unique\` on \`commendation_proposal\` (\`recipient_key\`, \`title_code\`, \`year\`);`);
  }

}
