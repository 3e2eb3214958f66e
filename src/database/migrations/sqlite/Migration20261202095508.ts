import { Migration } from '@mikro-orm/migrations';

export class Migration20261202095508 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`scheduled_launch\` add column \`error_params\` json null;`);
  }

}
