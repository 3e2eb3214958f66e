import { Migration } from '@mikro-orm/migrations';

export class Migration20261202092836 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`scoring_table_definition\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`key\` text not null, \`name\` text not null, \`built_in\` integer not null default false, \`source_hash\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`scoring_table_definition_key_unique\` on \`scoring_table_definition\` (\`key\`);`);

    this.addSql(`create table \`scoring_table_version\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`definition_id\` text not null, \`number\` integer not null, \`document\` json not null, \`content_hash\` text not null, \`sheet_form_id\` text null, \`published_by_id\` text null, \`published_at\` datetime not null, constraint \`scoring_table_version_definition_id_foreign\` foreign key(\`definition_id\`) references \`scoring_table_definition\`(\`id\`) on delete restrict on update cascade, constraint \`scoring_table_version_sheet_form_id_foreign\` foreign key(\`sheet_form_id\`) references \`form_version\`(\`id\`) on delete restrict on update cascade, constraint \`scoring_table_version_published_by_id_foreign\` foreign key(\`published_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`scoring_table_version_definition_id_index\` on \`scoring_table_version\` (\`definition_id\`);`);
    this.addSql(`create index \`scoring_table_version_sheet_form_id_index\` on \`scoring_table_version\` (\`sheet_form_id\`);`);
    this.addSql(`create index \`scoring_table_version_published_by_id_index\` on \`scoring_table_version\` (\`published_by_id\`);`);
    this.addSql(`create unique index \`scoring_table_version_definition_id_content_hash_unique\` on \`scoring_table_version\` (\`definition_id\`, \`content_hash\`);`);
    this.addSql(`create unique index \`scoring_table_version_definition_id_number_unique\` on \`scoring_table_version\` (\`definition_id\`, \`number\`);`);

    this.addSql(`create table \`score_sheet\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`campaign_id\` text not null, \`stage_run_id\` text not null, \`task_id\` text not null, \`table_version_id\` text not null, \`kind\` text not null, \`scorer_unit_id\` text null, \`scorer_person_id\` text null, \`scored_unit_id\` text not null, \`status\` text not null default 'draft', \`recusal_reason\` text null, \`total\` integer null, \`group_totals\` json null, \`submitted_by_id\` text null, \`submitted_at\` datetime null, \`version\` integer not null default 1, constraint \`score_sheet_table_version_id_foreign\` foreign key(\`table_version_id\`) references \`scoring_table_version\`(\`id\`) on delete restrict on update cascade, constraint \`score_sheet_scorer_unit_id_foreign\` foreign key(\`scorer_unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`score_sheet_scorer_person_id_foreign\` foreign key(\`scorer_person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`score_sheet_scored_unit_id_foreign\` foreign key(\`scored_unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`score_sheet_submitted_by_id_foreign\` foreign key(\`submitted_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`score_sheet_table_version_id_index\` on \`score_sheet\` (\`table_version_id\`);`);
    this.addSql(`create index \`score_sheet_scorer_unit_id_index\` on \`score_sheet\` (\`scorer_unit_id\`);`);
    this.addSql(`create index \`score_sheet_scorer_person_id_index\` on \`score_sheet\` (\`scorer_person_id\`);`);
    this.addSql(`create index \`score_sheet_scored_unit_id_index\` on \`score_sheet\` (\`scored_unit_id\`);`);
    this.addSql(`create index \`score_sheet_submitted_by_id_index\` on \`score_sheet\` (\`submitted_by_id\`);`);
    this.addSql(`create index \`score_sheet_stage_run_id_status_index\` on \`score_sheet\` (\`stage_run_id\`, \`status\`);`);
    this.addSql(`create index \`score_sheet_campaign_id_scored_unit_id_index\` on \`score_sheet\` (\`campaign_id\`, \`scored_unit_id\`);`);
    this.addSql(`create unique index \`score_sheet_task_id_unique\` on \`score_sheet\` (\`task_id\`);`);

    this.addSql(`create table \`score\` (\`id\` text not null, \`sheet_id\` text not null, \`scored_unit_id\` text not null, \`criterion_code\` text not null, \`points\` integer not null, \`entry\` json null, \`comment\` text null, \`evidence_file_ids\` json null, constraint \`score_sheet_id_foreign\` foreign key(\`sheet_id\`) references \`score_sheet\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`score_sheet_id_index\` on \`score\` (\`sheet_id\`);`);
    this.addSql(`create index \`score_scored_unit_id_criterion_code_index\` on \`score\` (\`scored_unit_id\`, \`criterion_code\`);`);
    this.addSql(`create unique index \`score_sheet_id_criterion_code_unique\` on \`score\` (\`sheet_id\`, \`criterion_code\`);`);

    this.addSql(`create table \`ranking_entry\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`campaign_id\` text not null, \`stage_run_id\` text not null, \`unit_id\` text not null, \`aggregate\` integer not null, \`adjustment\` integer not null default 0, \`adjustment_reason\` text null, \`total\` integer not null, \`rank\` integer not null, \`grade\` text null, \`tied_with\` json null, \`decided_by\` text null, \`breakdown\` json not null, constraint \`ranking_entry_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`ranking_entry_unit_id_index\` on \`ranking_entry\` (\`unit_id\`);`);
    this.addSql(`create unique index \`ranking_entry_stage_run_id_unit_id_unique\` on \`ranking_entry\` (\`stage_run_id\`, \`unit_id\`);`);

    this.addSql(`alter table \`task\` add column \`about_unit_id\` text null constraint \`task_about_unit_id_foreign\` references \`unit\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`create index \`task_about_unit_id_index\` on \`task\` (\`about_unit_id\`);`);
  }

}
