import { Migration } from '@mikro-orm/migrations';

export class Migration20261127045705 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`calendar_amendment\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`date\` text not null, \`kind\` text not null, \`note\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`calendar_amendment_date_unique\` on \`calendar_amendment\` (\`date\`);`);

    this.addSql(`create table \`idempotency_record\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`key\` text not null, \`request_hash\` text not null, \`status\` integer not null, \`body\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`idempotency_record_person_id_key_unique\` on \`idempotency_record\` (\`person_id\`, \`key\`);`);

    this.addSql(`create table \`outbox_message\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`queue\` text not null, \`job_name\` text not null, \`job_id\` text not null, \`payload\` json not null, \`run_at\` datetime null, \`sent_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`outbox_message_job_id_unique\` on \`outbox_message\` (\`job_id\`);`);
    this.addSql(`create index \`outbox_message_sent_at_created_at_index\` on \`outbox_message\` (\`sent_at\`, \`created_at\`);`);

    this.addSql(`create table \`workflow_definition\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`key\` text not null, \`name\` text not null, \`draft\` json not null, \`built_in\` integer not null default false, \`archived_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`workflow_definition_key_unique\` on \`workflow_definition\` (\`key\`);`);

    this.addSql(`create table \`workflow_version\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`definition_id\` text not null, \`number\` integer not null, \`document\` json not null, \`content_hash\` text not null, \`published_by_id\` text null, \`published_at\` datetime not null, constraint \`workflow_version_definition_id_foreign\` foreign key(\`definition_id\`) references \`workflow_definition\`(\`id\`) on delete restrict on update cascade, constraint \`workflow_version_published_by_id_foreign\` foreign key(\`published_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_version_definition_id_index\` on \`workflow_version\` (\`definition_id\`);`);
    this.addSql(`create index \`workflow_version_published_by_id_index\` on \`workflow_version\` (\`published_by_id\`);`);
    this.addSql(`create unique index \`workflow_version_definition_id_content_hash_unique\` on \`workflow_version\` (\`definition_id\`, \`content_hash\`);`);
    this.addSql(`create unique index \`workflow_version_definition_id_number_unique\` on \`workflow_version\` (\`definition_id\`, \`number\`);`);

    this.addSql(`create table \`campaign\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`workflow_version_id\` text not null, \`subject_cluster_id\` text null, \`subject_unit_id\` text null, \`year\` integer not null, \`status\` text not null default 'running', \`context\` json not null, \`active_stages\` json not null, \`version\` integer not null default 1, \`cancel_reason\` text null, \`ended_at\` datetime null, \`launched_by_id\` text null, constraint \`campaign_workflow_version_id_foreign\` foreign key(\`workflow_version_id\`) references \`workflow_version\`(\`id\`) on delete restrict on update cascade, constraint \`campaign_subject_cluster_id_foreign\` foreign key(\`subject_cluster_id\`) references \`cluster\`(\`id\`) on delete restrict on update cascade, constraint \`campaign_subject_unit_id_foreign\` foreign key(\`subject_unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`campaign_launched_by_id_foreign\` foreign key(\`launched_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`campaign_workflow_version_id_index\` on \`campaign\` (\`workflow_version_id\`);`);
    this.addSql(`create index \`campaign_subject_cluster_id_index\` on \`campaign\` (\`subject_cluster_id\`);`);
    this.addSql(`create index \`campaign_subject_unit_id_index\` on \`campaign\` (\`subject_unit_id\`);`);
    this.addSql(`create index \`campaign_launched_by_id_index\` on \`campaign\` (\`launched_by_id\`);`);
    this.addSql(`create index \`campaign_status_index\` on \`campaign\` (\`status\`);`);

    this.addSql(`create table \`stage_run\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`campaign_id\` text not null, \`stage_key\` text not null, \`iteration\` integer not null, \`stage_type\` text not null, \`status\` text not null default 'active', \`outcome\` text null, \`due_at\` datetime null, \`overdue\` integer not null default false, \`closed_at\` datetime null, constraint \`stage_run_campaign_id_foreign\` foreign key(\`campaign_id\`) references \`campaign\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`stage_run_campaign_id_index\` on \`stage_run\` (\`campaign_id\`);`);
    this.addSql(`create index \`stage_run_status_due_at_index\` on \`stage_run\` (\`status\`, \`due_at\`);`);
    this.addSql(`create unique index \`stage_run_campaign_id_stage_key_iteration_unique\` on \`stage_run\` (\`campaign_id\`, \`stage_key\`, \`iteration\`);`);

    this.addSql(`create table \`task\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`campaign_id\` text not null, \`stage_run_id\` text not null, \`assignee_key\` text not null, \`assignee_unit_id\` text null, \`assignee_person_id\` text null, \`status\` text not null default 'open', \`due_at\` datetime null, \`late\` integer not null default false, \`outcome\` text null, \`comment\` text null, \`completed_by_id\` text null, \`completed_mandate_id\` text null, \`completed_at\` datetime null, constraint \`task_campaign_id_foreign\` foreign key(\`campaign_id\`) references \`campaign\`(\`id\`) on delete cascade on update cascade, constraint \`task_stage_run_id_foreign\` foreign key(\`stage_run_id\`) references \`stage_run\`(\`id\`) on delete cascade on update cascade, constraint \`task_assignee_unit_id_foreign\` foreign key(\`assignee_unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`task_assignee_person_id_foreign\` foreign key(\`assignee_person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`task_completed_by_id_foreign\` foreign key(\`completed_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`task_campaign_id_index\` on \`task\` (\`campaign_id\`);`);
    this.addSql(`create index \`task_stage_run_id_index\` on \`task\` (\`stage_run_id\`);`);
    this.addSql(`create index \`task_assignee_unit_id_index\` on \`task\` (\`assignee_unit_id\`);`);
    this.addSql(`create index \`task_assignee_person_id_index\` on \`task\` (\`assignee_person_id\`);`);
    this.addSql(`create index \`task_completed_by_id_index\` on \`task\` (\`completed_by_id\`);`);
    this.addSql(`create index \`task_assignee_person_id_status_index\` on \`task\` (\`assignee_person_id\`, \`status\`);`);
    this.addSql(`create index \`task_assignee_unit_id_status_index\` on \`task\` (\`assignee_unit_id\`, \`status\`);`);
    this.addSql(`create unique index \`task_stage_run_id_assignee_key_unique\` on \`task\` (\`stage_run_id\`, \`assignee_key\`);`);

    this.addSql(`create table \`notification\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`dedupe_key\` text not null, \`unit_id\` text null, \`person_id\` text null, \`campaign_id\` text not null, \`task_id\` text null, \`kind\` text not null, \`message\` json not null, \`read_at\` datetime null, constraint \`notification_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`notification_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`notification_campaign_id_foreign\` foreign key(\`campaign_id\`) references \`campaign\`(\`id\`) on delete cascade on update cascade, constraint \`notification_task_id_foreign\` foreign key(\`task_id\`) references \`task\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`notification_dedupe_key_unique\` on \`notification\` (\`dedupe_key\`);`);
    this.addSql(`create index \`notification_unit_id_index\` on \`notification\` (\`unit_id\`);`);
    this.addSql(`create index \`notification_person_id_index\` on \`notification\` (\`person_id\`);`);
    this.addSql(`create index \`notification_campaign_id_index\` on \`notification\` (\`campaign_id\`);`);
    this.addSql(`create index \`notification_task_id_index\` on \`notification\` (\`task_id\`);`);
    this.addSql(`create index \`notification_person_id_read_at_index\` on \`notification\` (\`person_id\`, \`read_at\`);`);
    this.addSql(`create index \`notification_unit_id_read_at_index\` on \`notification\` (\`unit_id\`, \`read_at\`);`);

    this.addSql(`create table \`campaign_event\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`campaign_id\` text not null, \`seq\` integer not null, \`type\` text not null, \`actor\` json null, \`data\` json not null, \`occurred_at\` datetime not null, \`prev_hash\` text not null, \`hash\` text not null, constraint \`campaign_event_campaign_id_foreign\` foreign key(\`campaign_id\`) references \`campaign\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`campaign_event_campaign_id_index\` on \`campaign_event\` (\`campaign_id\`);`);
    this.addSql(`create unique index \`campaign_event_campaign_id_seq_unique\` on \`campaign_event\` (\`campaign_id\`, \`seq\`);`);
  }

}
