import { Migration } from '@mikro-orm/migrations';

export class Migration20261127061541 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`form_submission\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`task_id\` text not null, \`campaign_id\` text not null, \`form_version_id\` text not null, \`unit_id\` text null, \`person_id\` text not null, \`mandate_id\` text null, \`data\` json not null, \`status\` text not null default 'draft', \`late\` integer not null default false, \`submitted_at\` datetime null, constraint \`form_submission_form_version_id_foreign\` foreign key(\`form_version_id\`) references \`form_version\`(\`id\`) on delete restrict on update cascade, constraint \`form_submission_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`form_submission_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`form_submission_form_version_id_index\` on \`form_submission\` (\`form_version_id\`);`);
    this.addSql(`create index \`form_submission_unit_id_index\` on \`form_submission\` (\`unit_id\`);`);
    this.addSql(`create index \`form_submission_person_id_index\` on \`form_submission\` (\`person_id\`);`);
    this.addSql(`create index \`form_submission_campaign_id_index\` on \`form_submission\` (\`campaign_id\`);`);
    this.addSql(`create unique index \`form_submission_task_id_unique\` on \`form_submission\` (\`task_id\`);`);
  }

}
