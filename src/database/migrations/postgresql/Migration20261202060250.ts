import { Migration } from '@mikro-orm/migrations';

export class Migration20261202060250 extends Migration {

  override async up(): Promise<void> {
    // An Idempotency-Key is now reserved (pending) before the work runs; every record stored so far is a completed response.
    this.addSql(`alter table "idempotency_record" add column "state" varchar(16) not null default 'pending', add column "lease_token" uuid null, add column "lease_expires_at" timestamptz null, add column "response_body" text null;`);
    this.addSql(`update "idempotency_record" set "state" = 'completed', "lease_token" = "id", "lease_expires_at" = "created_at", "response_body" = "body"::text;`);
    this.addSql(`alter table "idempotency_record" alter column "lease_token" set not null, alter column "lease_expires_at" set not null;`);
    this.addSql(`alter table "idempotency_record" drop column "body";`);
    this.addSql(`alter table "idempotency_record" alter column "status" type int using ("status"::int);`);
    this.addSql(`alter table "idempotency_record" alter column "status" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "idempotency_record" where "state" <> 'completed';`);
    this.addSql(`alter table "idempotency_record" add column "body" jsonb null;`);
    this.addSql(`update "idempotency_record" set "body" = coalesce("response_body", 'null')::jsonb;`);
    this.addSql(`alter table "idempotency_record" alter column "body" set not null;`);
    this.addSql(`alter table "idempotency_record" drop column "state", drop column "lease_token", drop column "lease_expires_at", drop column "response_body";`);
    this.addSql(`alter table "idempotency_record" alter column "status" type int4 using ("status"::int4);`);
    this.addSql(`alter table "idempotency_record" alter column "status" set not null;`);
  }

}
