import { Migration } from '@mikro-orm/migrations';

export class Migration20261127081257 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`amendment\` add column \`number\` integer not null;`);
    this.addSql(`create unique index \`amendment_document_id_number_unique\` on \`amendment\` (\`document_id\`, \`number\`);`);
  }

}
