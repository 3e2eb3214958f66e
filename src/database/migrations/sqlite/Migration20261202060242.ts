import { Migration } from '@mikro-orm/migrations';

export class Migration20261202060242 extends Migration {

  override async up(): Promise<void> {
    // An Idempotency-Key is now reserved (pending) before the work runs; every record stored so far is a completed response.
    // SQLite adds no NOT NULL column to a table with rows, so the table is rebuilt with its records.
    this.addSql(`create table \`idempotency_record_next\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`key\` text not null, \`request_hash\` text not null, \`state\` text not null default 'pending', \`lease_token\` text not null, \`lease_expires_at\` datetime not null, \`status\` integer null, \`response_body\` text null, primary key (\`id\`));`);
    this.addSql(`insert into \`idempotency_record_next\` (\`id\`, \`created_at\`, \`updated_at\`, \`person_id\`, \`key\`, \`request_hash\`, \`state\`, \`lease_token\`, \`lease_expires_at\`, \`status\`, \`response_body\`) select \`id\`, \`created_at\`, \`updated_at\`, \`person_id\`, \`key\`, \`request_hash\`, 'completed', \`id\`, \`created_at\`, \`status\`, \`body\` from \`idempotency_record\`;`);
    this.addSql(`drop table \`idempotency_record\`;`);
    this.addSql(`alter table \`idempotency_record_next\` rename to \`idempotency_record\`;`);
    this.addSql(`create unique index \`idempotency_record_person_id_key_unique\` on \`idempotency_record\` (\`person_id\`, \`key\`);`);
  }

}
