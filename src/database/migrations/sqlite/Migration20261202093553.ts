import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093553 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`commendation_decision\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`number\` text not null, \`signed_on\` text not null, \`issuer\` text not null, \`campaign_id\` text null, \`campaign_name\` text null, \`stage_run_id\` text null, \`recorded_by_id\` text not null, \`recorded_at\` datetime not null, constraint \`commendation_decision_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`commendation_decision_recorded_by_id_index\` on \`commendation_decision\` (\`recorded_by_id\`);`);
    this.addSql(`create index \`commendation_decision_campaign_id_index\` on \`commendation_decision\` (\`campaign_id\`);`);
    this.addSql(`create unique index \`commendation_decision_stage_run_id_unique\` on \`commendation_decision\` (\`stage_run_id\`);`);

    this.addSql(`create table \`commendation_record\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`decision_id\` text not null, \`recipient_key\` text not null, \`unit_id\` text null, \`person_id\` text null, \`kind\` text not null default 'title', \`title_code\` text not null, \`title_label\` json not null, \`year\` integer not null, \`campaign_id\` text null, constraint \`commendation_record_decision_id_foreign\` foreign key(\`decision_id\`) references \`commendation_decision\`(\`id\`) on delete restrict on update cascade, constraint \`commendation_record_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`commendation_record_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`commendation_record_decision_id_index\` on \`commendation_record\` (\`decision_id\`);`);
    this.addSql(`create index \`commendation_record_campaign_id_index\` on \`commendation_record\` (\`campaign_id\`);`);
    this.addSql(`create index \`commendation_record_person_id_index\` on \`commendation_record\` (\`person_id\`);`);
    this.addSql(`create index \`commendation_record_unit_id_index\` on \`commendation_record\` (\`unit_id\`);`);
    this.addSql(`create index \`commendation_record_year_index\` on \`commendation_record\` (\`year\`);`);
    this.addSql(`create unique index \`commendation_record_decision_id_recipient_key_title_code_unique\` on \`commendation_record\` (\`decision_id\`, \`recipient_key\`, \`title_code\`);`);
  }

}
