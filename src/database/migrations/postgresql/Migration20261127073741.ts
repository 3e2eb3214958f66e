import { Migration } from '@mikro-orm/migrations';

export class Migration20261127073741 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "form_definition" add column "source_hash" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "form_definition" drop column "source_hash";`);
  }

}
