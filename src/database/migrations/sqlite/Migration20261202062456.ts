import { Migration } from '@mikro-orm/migrations';

export class Migration20261202062456 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`passkey_credential\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`credential_id\` text not null, \`public_key\` text not null, \`counter\` bigint not null default 0, \`transports\` json not null, \`label\` text not null, \`last_used_at\` datetime null, constraint \`passkey_credential_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`passkey_credential_person_id_index\` on \`passkey_credential\` (\`person_id\`);`);
    this.addSql(`create unique index \`passkey_credential_credential_id_unique\` on \`passkey_credential\` (\`credential_id\`);`);

    this.addSql(`create table \`person_certificate\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`fingerprint\` text not null, \`subject\` text not null, \`issuer\` text not null, \`not_before\` datetime not null, \`not_after\` datetime not null, \`pem\` text not null, constraint \`person_certificate_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`person_certificate_person_id_index\` on \`person_certificate\` (\`person_id\`);`);
    this.addSql(`create unique index \`person_certificate_person_id_fingerprint_unique\` on \`person_certificate\` (\`person_id\`, \`fingerprint\`);`);

    this.addSql(`create table \`signing_envelope\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`campaign_id\` text not null, \`stage_run_id\` text not null, \`document_version_id\` text not null, \`content_hash\` text not null, \`adoption_poll_id\` text null, \`registrations\` json not null, \`registrations_hash\` text null, \`signer_roles\` json not null, \`methods\` json not null, \`status\` text not null default 'open', \`in_force_at\` datetime null, constraint \`signing_envelope_document_version_id_foreign\` foreign key(\`document_version_id\`) references \`document_version\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`signing_envelope_campaign_id_index\` on \`signing_envelope\` (\`campaign_id\`);`);
    this.addSql(`create index \`signing_envelope_document_version_id_index\` on \`signing_envelope\` (\`document_version_id\`);`);
    this.addSql(`create unique index \`signing_envelope_stage_run_id_unique\` on \`signing_envelope\` (\`stage_run_id\`);`);

    this.addSql(`create table \`trust_anchor\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`fingerprint\` text not null, \`subject\` text not null, \`not_after\` datetime not null, \`pem\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`trust_anchor_fingerprint_unique\` on \`trust_anchor\` (\`fingerprint\`);`);

    this.addSql(`create table \`signature\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`envelope_id\` text not null, \`unit_id\` text not null, \`signer_id\` text not null, \`mandate_id\` text not null, \`method\` text not null, \`statement\` text not null, \`statement_hash\` text not null, \`evidence\` json not null, \`signed_at\` datetime not null, \`status\` text not null default 'valid', \`recorded_by_id\` text null, \`confirmed_at\` datetime null, constraint \`signature_envelope_id_foreign\` foreign key(\`envelope_id\`) references \`signing_envelope\`(\`id\`) on delete cascade on update cascade, constraint \`signature_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`signature_signer_id_foreign\` foreign key(\`signer_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`signature_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`signature_envelope_id_index\` on \`signature\` (\`envelope_id\`);`);
    this.addSql(`create index \`signature_unit_id_index\` on \`signature\` (\`unit_id\`);`);
    this.addSql(`create index \`signature_signer_id_index\` on \`signature\` (\`signer_id\`);`);
    this.addSql(`create index \`signature_recorded_by_id_index\` on \`signature\` (\`recorded_by_id\`);`);
    this.addSql(`create unique index \`signature_envelope_id_unit_id_unique\` on \`signature\` (\`envelope_id\`, \`unit_id\`);`);
  }

}
