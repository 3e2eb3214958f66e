import { Migration } from '@mikro-orm/migrations';

export class Migration20261127081301 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "amendment" add column "number" int not null;`);
    this.addSql(`alter table "amendment" add constraint "amendment_document_id_number_unique" unique ("document_id", "number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "amendment" drop constraint "amendment_document_id_number_unique";`);
    this.addSql(`alter table "amendment" drop column "number";`);
  }

}
