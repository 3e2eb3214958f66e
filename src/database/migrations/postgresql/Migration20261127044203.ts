import { Migration } from '@mikro-orm/migrations';

export class Migration20261127044203 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "person" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "username" varchar(100) not null, "full_name" varchar(255) not null, "email" varchar(255) null, "position" varchar(255) null, "password_hash" varchar(255) null, "archived_at" timestamptz null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_username_unique" unique ("username");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "token_hash" varchar(64) not null, "family" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_family_index" on "refresh_token" ("family");`);

    this.addSql(`create table "unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(64) not null, "name" varchar(255) not null, "short_name" varchar(100) null, "parent_id" uuid null, "archived_at" timestamptz null, constraint "unit_pkey" primary key ("id"));`);
    this.addSql(`alter table "unit" add constraint "unit_code_unique" unique ("code");`);

    this.addSql(`create table "role_grant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "role" varchar(32) not null, "scope_unit_id" uuid null, "revoked_at" timestamptz null, constraint "role_grant_pkey" primary key ("id"));`);
    this.addSql(`create index "role_grant_person_id_role_index" on "role_grant" ("person_id", "role");`);

    this.addSql(`create table "mandate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "unit_id" uuid not null, "role" varchar(16) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, constraint "mandate_pkey" primary key ("id"));`);
    this.addSql(`create index "mandate_person_id_unit_id_index" on "mandate" ("person_id", "unit_id");`);

    this.addSql(`create table "cluster" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "year" int not null, "head_unit_id" uuid null, "deputy_unit_id" uuid null, "archived_at" timestamptz null, constraint "cluster_pkey" primary key ("id"));`);
    this.addSql(`alter table "cluster" add constraint "cluster_name_year_unique" unique ("name", "year");`);

    this.addSql(`create table "cluster_member" ("cluster_id" uuid not null, "unit_id" uuid not null, constraint "cluster_member_pkey" primary key ("cluster_id", "unit_id"));`);

    this.addSql(`create table "unit_evaluation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "unit_id" uuid not null, "year" int not null, "evaluated" boolean not null, constraint "unit_evaluation_pkey" primary key ("id"));`);
    this.addSql(`alter table "unit_evaluation" add constraint "unit_evaluation_unit_id_year_unique" unique ("unit_id", "year");`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "unit" add constraint "unit_parent_id_foreign" foreign key ("parent_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "role_grant" add constraint "role_grant_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_scope_unit_id_foreign" foreign key ("scope_unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "mandate" add constraint "mandate_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mandate" add constraint "mandate_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "cluster" add constraint "cluster_head_unit_id_foreign" foreign key ("head_unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "cluster" add constraint "cluster_deputy_unit_id_foreign" foreign key ("deputy_unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "cluster_member" add constraint "cluster_member_cluster_id_foreign" foreign key ("cluster_id") references "cluster" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cluster_member" add constraint "cluster_member_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "unit_evaluation" add constraint "unit_evaluation_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
  }

}
