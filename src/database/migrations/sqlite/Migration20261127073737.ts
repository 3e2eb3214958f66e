import { Migration } from '@mikro-orm/migrations';

export class Migration20261127073737 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`form_definition\` add column \`source_hash\` text null;`);
  }

}
