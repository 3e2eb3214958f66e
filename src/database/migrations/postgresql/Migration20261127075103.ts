import { Migration } from '@mikro-orm/migrations';

export class Migration20261127075103 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "document" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(500) not null, "cluster_id" uuid null, "campaign_id" uuid null, constraint "document_pkey" primary key ("id"));`);
    this.addSql(`create index "document_campaign_id_index" on "document" ("campaign_id");`);
    this.addSql(`create index "document_cluster_id_index" on "document" ("cluster_id");`);

    this.addSql(`create table "document_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "document_id" uuid not null, "number" int not null, "content" jsonb not null, "content_hash" varchar(64) not null, "changelog" jsonb not null, "based_on_id" uuid null, "created_by_id" uuid null, constraint "document_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "document_version" add constraint "document_version_document_id_content_hash_unique" unique ("document_id", "content_hash");`);
    this.addSql(`alter table "document_version" add constraint "document_version_document_id_number_unique" unique ("document_id", "number");`);

    this.addSql(`alter table "document_version" add constraint "document_version_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "document_version" add constraint "document_version_based_on_id_foreign" foreign key ("based_on_id") references "document_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "document_version" add constraint "document_version_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "document_version" drop constraint "document_version_document_id_foreign";`);

    this.addSql(`alter table "document_version" drop constraint "document_version_based_on_id_foreign";`);

    this.addSql(`drop table if exists "document" cascade;`);

    this.addSql(`drop table if exists "document_version" cascade;`);
  }

}
