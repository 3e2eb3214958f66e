import { Migration } from '@mikro-orm/migrations';

export class Migration20261204231324 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "rule_pack_definition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(150) not null, "name" varchar(255) not null, "built_in" boolean not null default false, "source_hash" varchar(64) null, constraint "rule_pack_definition_pkey" primary key ("id"));`);
    this.addSql(`alter table "rule_pack_definition" add constraint "rule_pack_definition_key_unique" unique ("key");`);

    this.addSql(`create table "rule_pack_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "definition_id" uuid not null, "number" int not null, "document" jsonb not null, "content_hash" varchar(64) not null, "effective_from" varchar(10) not null, "published_by_id" uuid null, "published_at" timestamptz not null, constraint "rule_pack_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "rule_pack_version" add constraint "rule_pack_version_definition_id_content_hash_unique" unique ("definition_id", "content_hash");`);
    this.addSql(`alter table "rule_pack_version" add constraint "rule_pack_version_definition_id_number_unique" unique ("definition_id", "number");`);

    this.addSql(`alter table "rule_pack_version" add constraint "rule_pack_version_definition_id_foreign" foreign key ("definition_id") references "rule_pack_definition" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "rule_pack_version" add constraint "rule_pack_version_published_by_id_foreign" foreign key ("published_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "rule_pack_version" drop constraint "rule_pack_version_definition_id_foreign";`);

    this.addSql(`drop table if exists "rule_pack_definition" cascade;`);

    this.addSql(`drop table if exists "rule_pack_version" cascade;`);
  }

}
