import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093311 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`stored_file\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`sha256\` text not null, \`size_bytes\` integer not null, \`media_type\` text not null, \`original_name\` text not null, \`storage_key\` text not null, \`uploaded_by_id\` text not null, \`uploaded_at\` datetime not null, \`purpose\` text not null, constraint \`stored_file_uploaded_by_id_foreign\` foreign key(\`uploaded_by_id\`) references \`person\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`stored_file_uploaded_by_id_index\` on \`stored_file\` (\`uploaded_by_id\`);`);
    this.addSql(`create index \`stored_file_sha256_index\` on \`stored_file\` (\`sha256\`);`);

    this.addSql(`create table \`launch_schedule\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`workflow_id\` text not null, \`year\` integer not null, \`subject_kind\` text not null, \`unit_type\` text not null default '', \`date\` text not null, \`shift\` text not null default 'none', \`name_template\` text not null, \`enabled\` integer not null default true, \`created_by_id\` text not null, \`last_run\` json null, \`version\` integer not null default 1, constraint \`launch_schedule_workflow_id_foreign\` foreign key(\`workflow_id\`) references \`workflow_definition\`(\`id\`) on delete restrict on update cascade, constraint \`launch_schedule_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`launch_schedule_workflow_id_index\` on \`launch_schedule\` (\`workflow_id\`);`);
    this.addSql(`create index \`launch_schedule_created_by_id_index\` on \`launch_schedule\` (\`created_by_id\`);`);
    this.addSql(`create unique index \`launch_schedule_workflow_id_year_subject_kind_unit_type_unique\` on \`launch_schedule\` (\`workflow_id\`, \`year\`, \`subject_kind\`, \`unit_type\`);`);

    this.addSql(`create table \`scheduled_launch\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`schedule_id\` text not null, \`year\` integer not null, \`subject_key\` text not null, \`status\` text not null, \`campaign_id\` text null, \`error_code\` text null, \`error_message\` text null, \`attempts\` integer not null default 1, \`last_outcome\` text null, \`last_attempt_at\` datetime null, constraint \`scheduled_launch_schedule_id_foreign\` foreign key(\`schedule_id\`) references \`launch_schedule\`(\`id\`) on delete cascade on update cascade, constraint \`scheduled_launch_campaign_id_foreign\` foreign key(\`campaign_id\`) references \`campaign\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`scheduled_launch_schedule_id_index\` on \`scheduled_launch\` (\`schedule_id\`);`);
    this.addSql(`create index \`scheduled_launch_campaign_id_index\` on \`scheduled_launch\` (\`campaign_id\`);`);
    this.addSql(`create unique index \`scheduled_launch_schedule_id_year_subject_key_unique\` on \`scheduled_launch\` (\`schedule_id\`, \`year\`, \`subject_key\`);`);
  }

}
