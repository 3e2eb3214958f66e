import { Migration } from '@mikro-orm/migrations';

export class Migration20261204042346 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`consultation\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`proposal_id\` text not null, \`opens_on\` text not null, \`closes_on\` text not null, \`working_days\` integer not null, \`opened_by_id\` text not null, constraint \`consultation_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`commendation_proposal\`(\`id\`) on delete restrict on update cascade, constraint \`consultation_opened_by_id_foreign\` foreign key(\`opened_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`consultation_proposal_id_index\` on \`consultation\` (\`proposal_id\`);`);
    this.addSql(`create index \`consultation_opened_by_id_index\` on \`consultation\` (\`opened_by_id\`);`);
    this.addSql(`create index \`consultation_closes_on_index\` on \`consultation\` (\`closes_on\`);`);
    this.addSql(`create unique index \`consultation_proposal_id_unique\` on \`consultation\` (\`proposal_id\`);`);

    this.addSql(`create table \`consultation_objection\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`consultation_id\` text not null, \`author_id\` text not null, \`text\` text not null, constraint \`consultation_objection_consultation_id_foreign\` foreign key(\`consultation_id\`) references \`consultation\`(\`id\`) on delete restrict on update cascade, constraint \`consultation_objection_author_id_foreign\` foreign key(\`author_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`consultation_objection_author_id_index\` on \`consultation_objection\` (\`author_id\`);`);
    this.addSql(`create index \`consultation_objection_consultation_id_index\` on \`consultation_objection\` (\`consultation_id\`);`);
  }

}
