import { Migration } from '@mikro-orm/migrations';

export class Migration20261127080725 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "poll" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "subject_kind" varchar(32) not null, "subject_id" varchar(255) not null, "subject_hash" varchar(128) not null, "subject_label" varchar(500) not null, "electorate_kind" varchar(16) not null, "electorate" jsonb not null, "chair_unit_id" uuid null, "rule" jsonb not null, "candidates" jsonb null, "status" varchar(16) not null default 'open', "opens_at" timestamptz not null, "closes_at" timestamptz null, "closed_at" timestamptz null, "close_reason" varchar(16) null, "outcome" varchar(16) null, "decision" jsonb null, "candidate_decisions" jsonb null, "key" varchar(255) null, "campaign_id" uuid null, "ballot_sequence" int not null default 0, "version" int not null default 1, constraint "poll_pkey" primary key ("id"));`);
    this.addSql(`create index "poll_campaign_id_index" on "poll" ("campaign_id");`);
    this.addSql(`create index "poll_status_closes_at_index" on "poll" ("status", "closes_at");`);
    this.addSql(`alter table "poll" add constraint "poll_key_unique" unique ("key");`);

    this.addSql(`create table "offline_meeting" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "poll_id" uuid not null, "recorded_by_id" uuid not null, "title" varchar(500) not null, "held_at" timestamptz not null, "text" text not null, "confirm_by" timestamptz not null, constraint "offline_meeting_pkey" primary key ("id"));`);

    this.addSql(`create table "ballot_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "poll_id" uuid not null, "voter_key" varchar(64) not null, "choice" jsonb not null, "cast_by_id" uuid not null, "mandate_id" uuid null, "unit_id" uuid null, "sequence" int not null, "receipt" varchar(64) not null, "cast_at" timestamptz not null, "offline_meeting_id" uuid null, constraint "ballot_record_pkey" primary key ("id"));`);
    this.addSql(`create index "ballot_record_poll_id_voter_key_index" on "ballot_record" ("poll_id", "voter_key");`);
    this.addSql(`alter table "ballot_record" add constraint "ballot_record_poll_id_sequence_unique" unique ("poll_id", "sequence");`);

    this.addSql(`create table "ballot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "poll_id" uuid not null, "voter_key" varchar(64) not null, "choice" jsonb not null, "cast_by_id" uuid not null, "mandate_id" uuid null, "unit_id" uuid null, "sequence" int not null, "receipt" varchar(64) not null, "cast_at" timestamptz not null, "offline_meeting_id" uuid null, "confirmation" varchar(16) null, "confirmed_by_id" uuid null, "confirmation_comment" text null, "confirmed_at" timestamptz null, constraint "ballot_pkey" primary key ("id"));`);
    this.addSql(`alter table "ballot" add constraint "ballot_poll_id_voter_key_unique" unique ("poll_id", "voter_key");`);

    this.addSql(`alter table "offline_meeting" add constraint "offline_meeting_poll_id_foreign" foreign key ("poll_id") references "poll" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "offline_meeting" add constraint "offline_meeting_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "ballot_record" add constraint "ballot_record_poll_id_foreign" foreign key ("poll_id") references "poll" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ballot_record" add constraint "ballot_record_cast_by_id_foreign" foreign key ("cast_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ballot_record" add constraint "ballot_record_offline_meeting_id_foreign" foreign key ("offline_meeting_id") references "offline_meeting" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "ballot" add constraint "ballot_poll_id_foreign" foreign key ("poll_id") references "poll" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ballot" add constraint "ballot_cast_by_id_foreign" foreign key ("cast_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ballot" add constraint "ballot_offline_meeting_id_foreign" foreign key ("offline_meeting_id") references "offline_meeting" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ballot" add constraint "ballot_confirmed_by_id_foreign" foreign key ("confirmed_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "offline_meeting" drop constraint "offline_meeting_poll_id_foreign";`);

    this.addSql(`alter table "ballot_record" drop constraint "ballot_record_poll_id_foreign";`);

    this.addSql(`alter table "ballot" drop constraint "ballot_poll_id_foreign";`);

    this.addSql(`alter table "ballot_record" drop constraint "ballot_record_offline_meeting_id_foreign";`);

    this.addSql(`alter table "ballot" drop constraint "ballot_offline_meeting_id_foreign";`);

    this.addSql(`drop table if exists "poll" cascade;`);

    this.addSql(`drop table if exists "offline_meeting" cascade;`);

    this.addSql(`drop table if exists "ballot_record" cascade;`);

    this.addSql(`drop table if exists "ballot" cascade;`);
  }

}
