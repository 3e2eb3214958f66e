import { Migration } from '@mikro-orm/migrations';

export class Migration20261202095518 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "scheduled_launch" add column "error_params" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "scheduled_launch" drop column "error_params";`);
  }

}
