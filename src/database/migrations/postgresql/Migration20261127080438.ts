import { Migration } from '@mikro-orm/migrations';

export class Migration20261127080438 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "discussion_thread" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "document_id" uuid not null, "version_number" int not null, "clause_id" varchar(64) null, "title" varchar(500) not null, "status" varchar(16) not null default 'open', "created_by_id" uuid not null, "unit_id" uuid null, "mandate_id" uuid null, "resolved_at" timestamptz null, "resolved_by_id" uuid null, constraint "discussion_thread_pkey" primary key ("id"));`);
    this.addSql(`create index "discussion_thread_document_id_version_number_clause_id_index" on "discussion_thread" ("document_id", "version_number", "clause_id");`);

    this.addSql(`create table "discussion_comment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "thread_id" uuid not null, "body" text not null, "author_id" uuid not null, "unit_id" uuid null, "mandate_id" uuid null, "parent_id" uuid null, "mentions" jsonb not null, "edited_at" timestamptz null, "version" int not null default 1, constraint "discussion_comment_pkey" primary key ("id"));`);
    this.addSql(`create index "discussion_comment_thread_id_created_at_index" on "discussion_comment" ("thread_id", "created_at");`);

    this.addSql(`create table "discussion_notice" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "recipient_unit_id" uuid null, "recipient_person_id" uuid null, "thread_id" uuid not null, "comment_id" uuid not null, "message" jsonb not null, "read_at" timestamptz null, "read_by_id" uuid null, constraint "discussion_notice_pkey" primary key ("id"));`);
    this.addSql(`create index "discussion_notice_recipient_person_id_read_at_index" on "discussion_notice" ("recipient_person_id", "read_at");`);
    this.addSql(`create index "discussion_notice_recipient_unit_id_read_at_index" on "discussion_notice" ("recipient_unit_id", "read_at");`);

    this.addSql(`create table "discussion_comment_revision" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "comment_id" uuid not null, "number" int not null, "body" text not null, "written_at" timestamptz not null, constraint "discussion_comment_revision_pkey" primary key ("id"));`);
    this.addSql(`alter table "discussion_comment_revision" add constraint "discussion_comment_revision_comment_id_number_unique" unique ("comment_id", "number");`);

    this.addSql(`create table "amendment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "document_id" uuid not null, "base_version" int not null, "unit_id" uuid not null, "proposed_by_id" uuid not null, "mandate_id" uuid not null, "kind" varchar(16) not null, "clause_id" varchar(64) null, "heading" varchar(500) null, "text" text null, "justification" text not null, "status" varchar(16) not null default 'proposed', "decided_at" timestamptz null, "decided_by_id" uuid null, "decision_note" text null, "poll_id" uuid null, "merged_into_version" int null, "withdrawn_at" timestamptz null, "withdrawn_by_id" uuid null, "withdrawn_mandate_id" uuid null, constraint "amendment_pkey" primary key ("id"));`);
    this.addSql(`create index "amendment_document_id_status_index" on "amendment" ("document_id", "status");`);

    this.addSql(`alter table "discussion_thread" add constraint "discussion_thread_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_thread" add constraint "discussion_thread_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_thread" add constraint "discussion_thread_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_thread" add constraint "discussion_thread_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_thread" add constraint "discussion_thread_resolved_by_id_foreign" foreign key ("resolved_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "discussion_comment" add constraint "discussion_comment_thread_id_foreign" foreign key ("thread_id") references "discussion_thread" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_comment" add constraint "discussion_comment_author_id_foreign" foreign key ("author_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_comment" add constraint "discussion_comment_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_comment" add constraint "discussion_comment_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_comment" add constraint "discussion_comment_parent_id_foreign" foreign key ("parent_id") references "discussion_comment" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "discussion_notice" add constraint "discussion_notice_recipient_unit_id_foreign" foreign key ("recipient_unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_notice" add constraint "discussion_notice_recipient_person_id_foreign" foreign key ("recipient_person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_notice" add constraint "discussion_notice_thread_id_foreign" foreign key ("thread_id") references "discussion_thread" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_notice" add constraint "discussion_notice_comment_id_foreign" foreign key ("comment_id") references "discussion_comment" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "discussion_notice" add constraint "discussion_notice_read_by_id_foreign" foreign key ("read_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "discussion_comment_revision" add constraint "discussion_comment_revision_comment_id_foreign" foreign key ("comment_id") references "discussion_comment" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "amendment" add constraint "amendment_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "amendment" add constraint "amendment_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "amendment" add constraint "amendment_proposed_by_id_foreign" foreign key ("proposed_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "amendment" add constraint "amendment_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "amendment" add constraint "amendment_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "amendment" add constraint "amendment_withdrawn_by_id_foreign" foreign key ("withdrawn_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "amendment" add constraint "amendment_withdrawn_mandate_id_foreign" foreign key ("withdrawn_mandate_id") references "mandate" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "discussion_comment" drop constraint "discussion_comment_thread_id_foreign";`);

    this.addSql(`alter table "discussion_notice" drop constraint "discussion_notice_thread_id_foreign";`);

    this.addSql(`alter table "discussion_comment" drop constraint "discussion_comment_parent_id_foreign";`);

    this.addSql(`alter table "discussion_notice" drop constraint "discussion_notice_comment_id_foreign";`);

    this.addSql(`alter table "discussion_comment_revision" drop constraint "discussion_comment_revision_comment_id_foreign";`);

    this.addSql(`drop table if exists "discussion_thread" cascade;`);

    this.addSql(`drop table if exists "discussion_comment" cascade;`);

    this.addSql(`drop table if exists "discussion_notice" cascade;`);

    this.addSql(`drop table if exists "discussion_comment_revision" cascade;`);

    this.addSql(`drop table if exists "amendment" cascade;`);
  }

}
