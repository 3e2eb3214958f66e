import { Migration } from '@mikro-orm/migrations';

export class Migration20261127060650 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "form_definition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(150) not null, "name" varchar(255) not null, "draft" jsonb not null, "built_in" boolean not null default false, "archived_at" timestamptz null, constraint "form_definition_pkey" primary key ("id"));`);
    this.addSql(`alter table "form_definition" add constraint "form_definition_key_unique" unique ("key");`);

    this.addSql(`create table "form_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "definition_id" uuid not null, "number" int not null, "schema" jsonb not null, "content_hash" varchar(64) not null, "published_by_id" uuid null, "published_at" timestamptz not null, constraint "form_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "form_version" add constraint "form_version_definition_id_content_hash_unique" unique ("definition_id", "content_hash");`);
    this.addSql(`alter table "form_version" add constraint "form_version_definition_id_number_unique" unique ("definition_id", "number");`);

    this.addSql(`alter table "form_version" add constraint "form_version_definition_id_foreign" foreign key ("definition_id") references "form_definition" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "form_version" add constraint "form_version_published_by_id_foreign" foreign key ("published_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "form_version" drop constraint "form_version_definition_id_foreign";`);

    this.addSql(`drop table if exists "form_definition" cascade;`);

    this.addSql(`drop table if exists "form_version" cascade;`);
  }

}
