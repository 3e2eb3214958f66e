import { Migration } from '@mikro-orm/migrations';

export class Migration20261203162332 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`staff_absence\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`from_date\` text not null, \`to_date\` text not null, \`note\` text null, constraint \`staff_absence_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`staff_absence_person_id_index\` on \`staff_absence\` (\`person_id\`);`);

    this.addSql(`create table \`staff_discipline\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`level\` text not null, \`violation_date\` text not null, \`decision_date\` text null, \`decision_number\` text null, constraint \`staff_discipline_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`staff_discipline_person_id_index\` on \`staff_discipline\` (\`person_id\`);`);

    this.addSql(`create table \`staff_year\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`unit_id\` text not null, \`year\` integer not null, \`task_result\` text null, constraint \`staff_year_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`staff_year_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`staff_year_person_id_index\` on \`staff_year\` (\`person_id\`);`);
    this.addSql(`create index \`staff_year_unit_id_index\` on \`staff_year\` (\`unit_id\`);`);
    this.addSql(`create index \`staff_year_unit_id_year_index\` on \`staff_year\` (\`unit_id\`, \`year\`);`);
    this.addSql(`create unique index \`staff_year_person_id_year_unique\` on \`staff_year\` (\`person_id\`, \`year\`);`);

    this.addSql(`create table \`initiative\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`person_id\` text null, \`unit_id\` text null, \`year\` integer not null, \`scope\` text not null, \`decision_number\` text null, constraint \`initiative_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`initiative_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`initiative_unit_id_index\` on \`initiative\` (\`unit_id\`);`);
    this.addSql(`create index \`initiative_person_id_index\` on \`initiative\` (\`person_id\`);`);

    this.addSql(`alter table \`person\` add column \`recruited_on\` text null;`);

    this.addSql(`alter table \`commendation_record\` add column \`revoked_at\` datetime null;`);
    this.addSql(`alter table \`commendation_record\` add column \`revocation_reason\` text null;`);
    this.addSql(`alter table \`commendation_record\` add column \`revocation_decision\` text null;`);

    this.addSql(`alter table \`unit_evaluation\` add column \`task_result\` text null;`);
  }

}
