import { Migration } from '@mikro-orm/migrations';

export class Migration20261204162141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`mail_preference\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`person_id\` text not null, \`delivery\` text not null default 'immediate', \`language\` text not null default 'vi', constraint \`mail_preference_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`mail_preference_person_id_index\` on \`mail_preference\` (\`person_id\`);`);
    this.addSql(`create unique index \`mail_preference_person_id_unique\` on \`mail_preference\` (\`person_id\`);`);

    this.addSql(`create table \`mail_message\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`key\` text not null, \`kind\` text not null, \`person_id\` text null, \`recipient\` text null, \`language\` text not null, \`notice_id\` text null, \`digest_id\` text null, \`subject\` text not null, \`text\` text not null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`last_error\` text null, \`last_attempt_at\` datetime null, \`sent_at\` datetime null, \`lease_until\` datetime null, \`transport\` text null, \`message_id\` text null, \`file_name\` text null, constraint \`mail_message_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`mail_message_key_unique\` on \`mail_message\` (\`key\`);`);
    this.addSql(`create index \`mail_message_person_id_index\` on \`mail_message\` (\`person_id\`);`);
    this.addSql(`create index \`mail_message_created_at_index\` on \`mail_message\` (\`created_at\`);`);
    this.addSql(`create index \`mail_message_notice_id_index\` on \`mail_message\` (\`notice_id\`);`);
    this.addSql(`create index \`mail_message_status_created_at_index\` on \`mail_message\` (\`status\`, \`created_at\`);`);
  }

}
