import { Migration } from '@mikro-orm/migrations';

export class Migration20261204033934 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`initiative_application\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`description\` text not null, \`benefits\` text not null, \`requested_scope\` text not null, \`year\` integer not null, \`unit_id\` text not null, \`person_id\` text null, \`submitted_by_id\` text not null, \`status\` text not null default 'submitted', \`poll_id\` text null, \`attachments\` json not null, \`decision_number\` text null, \`decided_on\` text null, \`decided_scope\` text null, \`initiative_id\` text null, constraint \`initiative_application_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`initiative_application_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`initiative_application_submitted_by_id_foreign\` foreign key(\`submitted_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`initiative_application_initiative_id_foreign\` foreign key(\`initiative_id\`) references \`initiative\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`initiative_application_unit_id_index\` on \`initiative_application\` (\`unit_id\`);`);
    this.addSql(`create index \`initiative_application_person_id_index\` on \`initiative_application\` (\`person_id\`);`);
    this.addSql(`create index \`initiative_application_submitted_by_id_index\` on \`initiative_application\` (\`submitted_by_id\`);`);
    this.addSql(`create index \`initiative_application_initiative_id_index\` on \`initiative_application\` (\`initiative_id\`);`);
    this.addSql(`create index \`initiative_application_status_index\` on \`initiative_application\` (\`status\`);`);
    this.addSql(`create index \`initiative_application_unit_id_year_index\` on \`initiative_application\` (\`unit_id\`, \`year\`);`);
  }

}
