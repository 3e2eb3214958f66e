import { Migration } from '@mikro-orm/migrations';

export class Migration20261202062529 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "passkey_credential" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "credential_id" varchar(1024) not null, "public_key" text not null, "counter" bigint not null default 0, "transports" jsonb not null, "label" varchar(120) not null, "last_used_at" timestamptz null, constraint "passkey_credential_pkey" primary key ("id"));`);
    this.addSql(`create index "passkey_credential_person_id_index" on "passkey_credential" ("person_id");`);
    this.addSql(`alter table "passkey_credential" add constraint "passkey_credential_credential_id_unique" unique ("credential_id");`);

    this.addSql(`create table "person_certificate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "fingerprint" varchar(64) not null, "subject" varchar(1000) not null, "issuer" varchar(1000) not null, "not_before" timestamptz not null, "not_after" timestamptz not null, "pem" text not null, constraint "person_certificate_pkey" primary key ("id"));`);
    this.addSql(`alter table "person_certificate" add constraint "person_certificate_person_id_fingerprint_unique" unique ("person_id", "fingerprint");`);

    this.addSql(`create table "signing_envelope" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "campaign_id" uuid not null, "stage_run_id" uuid not null, "document_version_id" uuid not null, "content_hash" varchar(64) not null, "adoption_poll_id" uuid null, "registrations" jsonb not null, "registrations_hash" varchar(64) null, "signer_roles" jsonb not null, "methods" jsonb not null, "status" varchar(16) not null default 'open', "in_force_at" timestamptz null, constraint "signing_envelope_pkey" primary key ("id"));`);
    this.addSql(`create index "signing_envelope_campaign_id_index" on "signing_envelope" ("campaign_id");`);
    this.addSql(`alter table "signing_envelope" add constraint "signing_envelope_stage_run_id_unique" unique ("stage_run_id");`);

    this.addSql(`create table "trust_anchor" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "fingerprint" varchar(64) not null, "subject" varchar(1000) not null, "not_after" timestamptz not null, "pem" text not null, constraint "trust_anchor_pkey" primary key ("id"));`);
    this.addSql(`alter table "trust_anchor" add constraint "trust_anchor_fingerprint_unique" unique ("fingerprint");`);

    this.addSql(`create table "signature" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "envelope_id" uuid not null, "unit_id" uuid not null, "signer_id" uuid not null, "mandate_id" uuid not null, "method" varchar(16) not null, "statement" text not null, "statement_hash" varchar(64) not null, "evidence" jsonb not null, "signed_at" timestamptz not null, "status" varchar(24) not null default 'valid', "recorded_by_id" uuid null, "confirmed_at" timestamptz null, constraint "signature_pkey" primary key ("id"));`);
    this.addSql(`alter table "signature" add constraint "signature_envelope_id_unit_id_unique" unique ("envelope_id", "unit_id");`);

    this.addSql(`alter table "passkey_credential" add constraint "passkey_credential_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person_certificate" add constraint "person_certificate_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "signing_envelope" add constraint "signing_envelope_document_version_id_foreign" foreign key ("document_version_id") references "document_version" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "signature" add constraint "signature_envelope_id_foreign" foreign key ("envelope_id") references "signing_envelope" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "signature" add constraint "signature_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "signature" add constraint "signature_signer_id_foreign" foreign key ("signer_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "signature" add constraint "signature_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "signature" drop constraint "signature_envelope_id_foreign";`);

    this.addSql(`drop table if exists "passkey_credential" cascade;`);

    this.addSql(`drop table if exists "person_certificate" cascade;`);

    this.addSql(`drop table if exists "signing_envelope" cascade;`);

    this.addSql(`drop table if exists "trust_anchor" cascade;`);

    this.addSql(`drop table if exists "signature" cascade;`);
  }

}
