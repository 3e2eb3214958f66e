import { Migration } from '@mikro-orm/migrations';

export class Migration20261204162146 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mail_preference" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "delivery" varchar(16) not null default 'immediate', "language" varchar(2) not null default 'vi', constraint "mail_preference_pkey" primary key ("id"));`);
    this.addSql(`alter table "mail_preference" add constraint "mail_preference_person_id_unique" unique ("person_id");`);

    this.addSql(`create table "mail_message" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(200) not null, "kind" varchar(16) not null, "person_id" uuid null, "recipient" varchar(255) null, "language" varchar(2) not null, "notice_id" uuid null, "digest_id" uuid null, "subject" varchar(255) not null, "text" text not null, "status" varchar(16) not null default 'pending', "attempts" int not null default 0, "last_error" text null, "last_attempt_at" timestamptz null, "sent_at" timestamptz null, "lease_until" timestamptz null, "transport" varchar(8) null, "message_id" varchar(255) null, "file_name" varchar(255) null, constraint "mail_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_key_unique" unique ("key");`);
    this.addSql(`create index "mail_message_created_at_index" on "mail_message" ("created_at");`);
    this.addSql(`create index "mail_message_notice_id_index" on "mail_message" ("notice_id");`);
    this.addSql(`create index "mail_message_status_created_at_index" on "mail_message" ("status", "created_at");`);

    this.addSql(`alter table "mail_preference" add constraint "mail_preference_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mail_message" add constraint "mail_message_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mail_preference" cascade;`);

    this.addSql(`drop table if exists "mail_message" cascade;`);
  }

}
