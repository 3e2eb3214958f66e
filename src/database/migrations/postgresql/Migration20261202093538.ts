import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093538 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "score_sheet" add column "evidence" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "score_sheet" drop column "evidence";`);
  }

}
