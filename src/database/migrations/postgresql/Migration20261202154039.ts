import { Migration } from '@mikro-orm/migrations';

export class Migration20261202154039 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "score_sheet" add column "penalties" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "score_sheet" drop column "penalties";`);
  }

}
