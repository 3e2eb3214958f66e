import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093422 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`ranking_entry__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`campaign_id\` text not null, \`stage_run_id\` text not null, \`unit_id\` text not null, \`aggregate\` integer null, \`adjustment\` integer not null default 0, \`adjustment_reason\` text null, \`total\` integer null, \`rank\` integer null, \`grade\` text null, \`tied_with\` json null, \`decided_by\` text null, \`breakdown\` json not null, constraint \`ranking_entry_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`ranking_entry__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`campaign_id\`, \`stage_run_id\`, \`unit_id\`, \`aggregate\`, \`adjustment\`, \`adjustment_reason\`, \`total\`, \`rank\`, \`grade\`, \`tied_with\`, \`decided_by\`, \`breakdown\` from \`ranking_entry\`;`);
    this.addSql(`drop table \`ranking_entry\`;`);
    this.addSql(`alter table \`ranking_entry__temp_alter\` rename to \`ranking_entry\`;`);
    this.addSql(`create index \`ranking_entry_unit_id_index\` on \`ranking_entry\` (\`unit_id\`);`);
    this.addSql(`create unique index \`ranking_entry_stage_run_id_unit_id_unique\` on \`ranking_entry\` (\`stage_run_id\`, \`unit_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
