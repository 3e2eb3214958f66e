import { Migration } from '@mikro-orm/migrations';

export class Migration20261204204120 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`role_grant\` add column \`granted_by_id\` text null constraint \`role_grant_granted_by_id_foreign\` references \`person\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`create index \`role_grant_granted_by_id_index\` on \`role_grant\` (\`granted_by_id\`);`);
  }

}
