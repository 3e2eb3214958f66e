import { Migration } from '@mikro-orm/migrations';

export class Migration20261204160342 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`webhook_endpoint\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`url\` text not null, \`events\` json not null, \`secret\` text not null, \`enabled\` integer not null default true, \`description\` text null, primary key (\`id\`));`);

    this.addSql(`create table \`webhook_delivery\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`endpoint_id\` text not null, \`event_type\` text not null, \`event_id\` text not null, \`campaign_id\` text not null, \`campaign_name\` text not null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`generation\` integer not null default 1, \`last_status_code\` integer null, \`last_error\` text null, \`last_attempt_at\` datetime null, \`delivered_at\` datetime null, \`next_attempt_at\` datetime null, \`lease_until\` datetime null, \`body\` text null, constraint \`webhook_delivery_endpoint_id_foreign\` foreign key(\`endpoint_id\`) references \`webhook_endpoint\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_delivery_endpoint_id_index\` on \`webhook_delivery\` (\`endpoint_id\`);`);
    this.addSql(`create index \`webhook_delivery_status_next_attempt_at_index\` on \`webhook_delivery\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`webhook_delivery_endpoint_id_created_at_index\` on \`webhook_delivery\` (\`endpoint_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`webhook_delivery_endpoint_id_event_id_unique\` on \`webhook_delivery\` (\`endpoint_id\`, \`event_id\`);`);
  }

}
