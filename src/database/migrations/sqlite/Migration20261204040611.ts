import { Migration } from '@mikro-orm/migrations';

export class Migration20261204040611 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`advanced_example\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text not null, \`unit_id\` text not null, \`person_id\` text null, \`year\` integer not null, \`title\` text not null, \`account\` text not null, \`nominated_by_id\` text not null, \`status\` text not null default 'submitted', \`attachments\` json not null, \`reviewed_by_id\` text null, \`reviewed_at\` datetime null, \`review_note\` text null, constraint \`advanced_example_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`advanced_example_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`advanced_example_nominated_by_id_foreign\` foreign key(\`nominated_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`advanced_example_reviewed_by_id_foreign\` foreign key(\`reviewed_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`advanced_example_unit_id_index\` on \`advanced_example\` (\`unit_id\`);`);
    this.addSql(`create index \`advanced_example_nominated_by_id_index\` on \`advanced_example\` (\`nominated_by_id\`);`);
    this.addSql(`create index \`advanced_example_reviewed_by_id_index\` on \`advanced_example\` (\`reviewed_by_id\`);`);
    this.addSql(`create index \`advanced_example_person_id_index\` on \`advanced_example\` (\`person_id\`);`);
    this.addSql(`create index \`advanced_example_status_year_index\` on \`advanced_example\` (\`status\`, \`year\`);`);
    this.addSql(`create index \`advanced_example_unit_id_year_index\` on \`advanced_example\` (\`unit_id\`, \`year\`);`);
  }

}
