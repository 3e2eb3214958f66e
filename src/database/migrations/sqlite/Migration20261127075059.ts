import { Migration } from '@mikro-orm/migrations';

export class Migration20261127075059 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`document\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`title\` text not null, \`cluster_id\` text null, \`campaign_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`document_campaign_id_index\` on \`document\` (\`campaign_id\`);`);
    this.addSql(`create index \`document_cluster_id_index\` on \`document\` (\`cluster_id\`);`);

    this.addSql(`create table \`document_version\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`document_id\` text not null, \`number\` integer not null, \`content\` json not null, \`content_hash\` text not null, \`changelog\` json not null, \`based_on_id\` text null, \`created_by_id\` text null, constraint \`document_version_document_id_foreign\` foreign key(\`document_id\`) references \`document\`(\`id\`) on delete restrict on update cascade, constraint \`document_version_based_on_id_foreign\` foreign key(\`based_on_id\`) references \`document_version\`(\`id\`) on delete restrict on update cascade, constraint \`document_version_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`document_version_document_id_index\` on \`document_version\` (\`document_id\`);`);
    this.addSql(`create index \`document_version_based_on_id_index\` on \`document_version\` (\`based_on_id\`);`);
    this.addSql(`create index \`document_version_created_by_id_index\` on \`document_version\` (\`created_by_id\`);`);
    this.addSql(`create unique index \`document_version_document_id_content_hash_unique\` on \`document_version\` (\`document_id\`, \`content_hash\`);`);
    this.addSql(`create unique index \`document_version_document_id_number_unique\` on \`document_version\` (\`document_id\`, \`number\`);`);
  }

}
