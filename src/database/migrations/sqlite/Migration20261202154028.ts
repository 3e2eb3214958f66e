import { Migration } from '@mikro-orm/migrations';

export class Migration20261202154028 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`score_sheet\` add column \`penalties\` integer null;`);
  }

}
