import { Migration } from '@mikro-orm/migrations';

export class Migration20261202092842 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "scoring_table_definition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(150) not null, "name" varchar(255) not null, "built_in" boolean not null default false, "source_hash" varchar(64) null, constraint "scoring_table_definition_pkey" primary key ("id"));`);
    this.addSql(`alter table "scoring_table_definition" add constraint "scoring_table_definition_key_unique" unique ("key");`);

    this.addSql(`create table "scoring_table_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "definition_id" uuid not null, "number" int not null, "document" jsonb not null, "content_hash" varchar(64) not null, "sheet_form_id" uuid null, "published_by_id" uuid null, "published_at" timestamptz not null, constraint "scoring_table_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "scoring_table_version" add constraint "scoring_table_version_definition_id_content_hash_unique" unique ("definition_id", "content_hash");`);
    this.addSql(`alter table "scoring_table_version" add constraint "scoring_table_version_definition_id_number_unique" unique ("definition_id", "number");`);

    this.addSql(`create table "score_sheet" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "campaign_id" uuid not null, "stage_run_id" uuid not null, "task_id" uuid not null, "table_version_id" uuid not null, "kind" varchar(16) not null, "scorer_unit_id" uuid null, "scorer_person_id" uuid null, "scored_unit_id" uuid not null, "status" varchar(16) not null default 'draft', "recusal_reason" text null, "total" int null, "group_totals" jsonb null, "submitted_by_id" uuid null, "submitted_at" timestamptz null, "version" int not null default 1, constraint "score_sheet_pkey" primary key ("id"));`);
    this.addSql(`create index "score_sheet_stage_run_id_status_index" on "score_sheet" ("stage_run_id", "status");`);
    this.addSql(`create index "score_sheet_campaign_id_scored_unit_id_index" on "score_sheet" ("campaign_id", "scored_unit_id");`);
    this.addSql(`alter table "score_sheet" add constraint "score_sheet_task_id_unique" unique ("task_id");`);

    this.addSql(`create table "score" ("id" uuid not null, "sheet_id" uuid not null, "scored_unit_id" uuid not null, "criterion_code" varchar(40) not null, "points" int not null, "entry" jsonb null, "comment" text null, "evidence_file_ids" jsonb null, constraint "score_pkey" primary key ("id"));`);
    this.addSql(`create index "score_scored_unit_id_criterion_code_index" on "score" ("scored_unit_id", "criterion_code");`);
    this.addSql(`alter table "score" add constraint "score_sheet_id_criterion_code_unique" unique ("sheet_id", "criterion_code");`);

    this.addSql(`create table "ranking_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "campaign_id" uuid not null, "stage_run_id" uuid not null, "unit_id" uuid not null, "aggregate" int not null, "adjustment" int not null default 0, "adjustment_reason" text null, "total" int not null, "rank" int not null, "grade" varchar(40) null, "tied_with" jsonb null, "decided_by" varchar(40) null, "breakdown" jsonb not null, constraint "ranking_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "ranking_entry" add constraint "ranking_entry_stage_run_id_unit_id_unique" unique ("stage_run_id", "unit_id");`);

    this.addSql(`alter table "scoring_table_version" add constraint "scoring_table_version_definition_id_foreign" foreign key ("definition_id") references "scoring_table_definition" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "scoring_table_version" add constraint "scoring_table_version_sheet_form_id_foreign" foreign key ("sheet_form_id") references "form_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "scoring_table_version" add constraint "scoring_table_version_published_by_id_foreign" foreign key ("published_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "score_sheet" add constraint "score_sheet_table_version_id_foreign" foreign key ("table_version_id") references "scoring_table_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "score_sheet" add constraint "score_sheet_scorer_unit_id_foreign" foreign key ("scorer_unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "score_sheet" add constraint "score_sheet_scorer_person_id_foreign" foreign key ("scorer_person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "score_sheet" add constraint "score_sheet_scored_unit_id_foreign" foreign key ("scored_unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "score_sheet" add constraint "score_sheet_submitted_by_id_foreign" foreign key ("submitted_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "score" add constraint "score_sheet_id_foreign" foreign key ("sheet_id") references "score_sheet" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ranking_entry" add constraint "ranking_entry_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "task" add column "about_unit_id" uuid null;`);
    this.addSql(`alter table "task" add constraint "task_about_unit_id_foreign" foreign key ("about_unit_id") references "unit" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "scoring_table_version" drop constraint "scoring_table_version_definition_id_foreign";`);

    this.addSql(`alter table "score_sheet" drop constraint "score_sheet_table_version_id_foreign";`);

    this.addSql(`alter table "score" drop constraint "score_sheet_id_foreign";`);

    this.addSql(`drop table if exists "scoring_table_definition" cascade;`);

    this.addSql(`drop table if exists "scoring_table_version" cascade;`);

    this.addSql(`drop table if exists "score_sheet" cascade;`);

    this.addSql(`drop table if exists "score" cascade;`);

    this.addSql(`drop table if exists "ranking_entry" cascade;`);

    this.addSql(`alter table "task" drop constraint "task_about_unit_id_foreign";`);

    this.addSql(`alter table "task" drop column "about_unit_id";`);
  }

}
