import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093526 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`score_sheet\` add column \`evidence\` json null;`);
  }

}
