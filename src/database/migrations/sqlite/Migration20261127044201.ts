import { Migration } from '@mikro-orm/migrations';

export class Migration20261127044201 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`person\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`username\` text not null, \`full_name\` text not null, \`email\` text null, \`position\` text null, \`password_hash\` text null, \`archived_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`person_username_unique\` on \`person\` (\`username\`);`);

    this.addSql(`create table \`refresh_token\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`token_hash\` text not null, \`family\` text not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, constraint \`refresh_token_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`refresh_token_person_id_index\` on \`refresh_token\` (\`person_id\`);`);
    this.addSql(`create unique index \`refresh_token_token_hash_unique\` on \`refresh_token\` (\`token_hash\`);`);
    this.addSql(`create index \`refresh_token_family_index\` on \`refresh_token\` (\`family\`);`);

    this.addSql(`create table \`unit\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`name\` text not null, \`short_name\` text null, \`parent_id\` text null, \`archived_at\` datetime null, constraint \`unit_parent_id_foreign\` foreign key(\`parent_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`unit_code_unique\` on \`unit\` (\`code\`);`);
    this.addSql(`create index \`unit_parent_id_index\` on \`unit\` (\`parent_id\`);`);

    this.addSql(`create table \`role_grant\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`role\` text not null, \`scope_unit_id\` text null, \`revoked_at\` datetime null, constraint \`role_grant_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`role_grant_scope_unit_id_foreign\` foreign key(\`scope_unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`role_grant_person_id_index\` on \`role_grant\` (\`person_id\`);`);
    this.addSql(`create index \`role_grant_scope_unit_id_index\` on \`role_grant\` (\`scope_unit_id\`);`);
    this.addSql(`create index \`role_grant_person_id_role_index\` on \`role_grant\` (\`person_id\`, \`role\`);`);

    this.addSql(`create table \`mandate\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`unit_id\` text not null, \`role\` text not null, \`valid_from\` text not null, \`valid_to\` text null, constraint \`mandate_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`mandate_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`mandate_person_id_index\` on \`mandate\` (\`person_id\`);`);
    this.addSql(`create index \`mandate_unit_id_index\` on \`mandate\` (\`unit_id\`);`);
    this.addSql(`create index \`mandate_person_id_unit_id_index\` on \`mandate\` (\`person_id\`, \`unit_id\`);`);

    this.addSql(`create table \`cluster\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`year\` integer not null, \`head_unit_id\` text null, \`deputy_unit_id\` text null, \`archived_at\` datetime null, constraint \`cluster_head_unit_id_foreign\` foreign key(\`head_unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, constraint \`cluster_deputy_unit_id_foreign\` foreign key(\`deputy_unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`cluster_head_unit_id_index\` on \`cluster\` (\`head_unit_id\`);`);
    this.addSql(`create index \`cluster_deputy_unit_id_index\` on \`cluster\` (\`deputy_unit_id\`);`);
    this.addSql(`create unique index \`cluster_name_year_unique\` on \`cluster\` (\`name\`, \`year\`);`);

    this.addSql(`create table \`cluster_member\` (\`cluster_id\` text not null, \`unit_id\` text not null, constraint \`cluster_member_cluster_id_foreign\` foreign key(\`cluster_id\`) references \`cluster\`(\`id\`) on delete cascade on update cascade, constraint \`cluster_member_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete cascade on update cascade, primary key (\`cluster_id\`, \`unit_id\`));`);
    this.addSql(`create index \`cluster_member_cluster_id_index\` on \`cluster_member\` (\`cluster_id\`);`);
    this.addSql(`create index \`cluster_member_unit_id_index\` on \`cluster_member\` (\`unit_id\`);`);

    this.addSql(`create table \`unit_evaluation\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`unit_id\` text not null, \`year\` integer not null, \`evaluated\` integer not null, constraint \`unit_evaluation_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`unit_evaluation_unit_id_index\` on \`unit_evaluation\` (\`unit_id\`);`);
    this.addSql(`create unique index \`unit_evaluation_unit_id_year_unique\` on \`unit_evaluation\` (\`unit_id\`, \`year\`);`);
  }

}
