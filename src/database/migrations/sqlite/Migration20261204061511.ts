import { Migration } from '@mikro-orm/migrations';

export class Migration20261204061511 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`commendation_proposal\` add column \`status\` text not null default 'proposed';`);
    this.addSql(`alter table \`commendation_proposal\` add column \`poll_id\` text null;`);
    this.addSql(`alter table \`commendation_proposal\` add column \`decision_id\` text null constraint \`commendation_proposal_decision_id_foreign\` references \`commendation_decision\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`create index \`commendation_proposal_decision_id_index\` on \`commendation_proposal\` (\`decision_id\`);`);
    this.addSql(`create index \`commendation_proposal_poll_id_index\` on \`commendation_proposal\` (\`poll_id\`);`);
  }

}
