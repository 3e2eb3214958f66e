import { Migration } from '@mikro-orm/migrations';

export class Migration20261204231318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`rule_pack_definition\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`key\` text not null, \`name\` text not null, \`built_in\` integer not null default false, \`source_hash\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`rule_pack_definition_key_unique\` on \`rule_pack_definition\` (\`key\`);`);

    this.addSql(`create table \`rule_pack_version\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`definition_id\` text not null, \`number\` integer not null, \`document\` json not null, \`content_hash\` text not null, \`effective_from\` text not null, \`published_by_id\` text null, \`published_at\` datetime not null, constraint \`rule_pack_version_definition_id_foreign\` foreign key(\`definition_id\`) references \`rule_pack_definition\`(\`id\`) on delete restrict on update cascade, constraint \`rule_pack_version_published_by_id_foreign\` foreign key(\`published_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`rule_pack_version_definition_id_index\` on \`rule_pack_version\` (\`definition_id\`);`);
    this.addSql(`create index \`rule_pack_version_published_by_id_index\` on \`rule_pack_version\` (\`published_by_id\`);`);
    this.addSql(`create unique index \`rule_pack_version_definition_id_content_hash_unique\` on \`rule_pack_version\` (\`definition_id\`, \`content_hash\`);`);
    this.addSql(`create unique index \`rule_pack_version_definition_id_number_unique\` on \`rule_pack_version\` (\`definition_id\`, \`number\`);`);
  }

}
