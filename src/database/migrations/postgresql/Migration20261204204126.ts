import { Migration } from '@mikro-orm/migrations';

export class Migration20261204204126 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "role_grant" add column "granted_by_id" uuid null;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_granted_by_id_foreign" foreign key ("granted_by_id") references "person" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "role_grant" drop constraint "role_grant_granted_by_id_foreign";`);

    this.addSql(`alter table "role_grant" drop column "granted_by_id";`);
  }

}
