import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "ranking_entry" alter column "aggregate" type int using ("aggregate"::int);`);
    this.addSql(`alter table "ranking_entry" alter column "aggregate" drop not null;`);
    this.addSql(`alter table "ranking_entry" alter column "total" type int using ("total"::int);`);
    this.addSql(`alter table "ranking_entry" alter column "total" drop not null;`);
    this.addSql(`alter table "ranking_entry" alter column "rank" type int using ("rank"::int);`);
    this.addSql(`alter table "ranking_entry" alter column "rank" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ranking_entry" alter column "aggregate" type int4 using ("aggregate"::int4);`);
    this.addSql(`alter table "ranking_entry" alter column "aggregate" set not null;`);
    this.addSql(`alter table "ranking_entry" alter column "total" type int4 using ("total"::int4);`);
    this.addSql(`alter table "ranking_entry" alter column "total" set not null;`);
    this.addSql(`alter table "ranking_entry" alter column "rank" type int4 using ("rank"::int4);`);
    this.addSql(`alter table "ranking_entry" alter column "rank" set not null;`);
  }

}
