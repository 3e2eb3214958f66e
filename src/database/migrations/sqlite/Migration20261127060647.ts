import { Migration } from '@mikro-orm/migrations';

export class Migration20261127060647 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`form_definition\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`key\` text not null, \`name\` text not null, \`draft\` json not null, \`built_in\` integer not null default false, \`archived_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`form_definition_key_unique\` on \`form_definition\` (\`key\`);`);

    this.addSql(`create table \`form_version\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`definition_id\` text not null, \`number\` integer not null, \`schema\` json not null, \`content_hash\` text not null, \`published_by_id\` text null, \`published_at\` datetime not null, constraint \`form_version_definition_id_foreign\` foreign key(\`definition_id\`) references \`form_definition\`(\`id\`) on delete restrict on update cascade, constraint \`form_version_published_by_id_foreign\` foreign key(\`published_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`form_version_definition_id_index\` on \`form_version\` (\`definition_id\`);`);
    this.addSql(`create index \`form_version_published_by_id_index\` on \`form_version\` (\`published_by_id\`);`);
    this.addSql(`create unique index \`form_version_definition_id_content_hash_unique\` on \`form_version\` (\`definition_id\`, \`content_hash\`);`);
    this.addSql(`create unique index \`form_version_definition_id_number_unique\` on \`form_version\` (\`definition_id\`, \`number\`);`);
  }

}
