import { Migration } from '@mikro-orm/migrations';

export class Migration20261127080721 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`poll\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`subject_kind\` text not null, \`subject_id\` text not null, \`subject_hash\` text not null, \`subject_label\` text not null, \`electorate_kind\` text not null, \`electorate\` json not null, \`chair_unit_id\` text null, \`rule\` json not null, \`candidates\` json null, \`status\` text not null default 'open', \`opens_at\` datetime not null, \`closes_at\` datetime null, \`closed_at\` datetime null, \`close_reason\` text null, \`outcome\` text null, \`decision\` json null, \`candidate_decisions\` json null, \`key\` text null, \`campaign_id\` text null, \`ballot_sequence\` integer not null default 0, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create index \`poll_campaign_id_index\` on \`poll\` (\`campaign_id\`);`);
    this.addSql(`create index \`poll_status_closes_at_index\` on \`poll\` (\`status\`, \`closes_at\`);`);
    this.addSql(`create unique index \`poll_key_unique\` on \`poll\` (\`key\`);`);

    this.addSql(`create table \`offline_meeting\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`poll_id\` text not null, \`recorded_by_id\` text not null, \`title\` text not null, \`held_at\` datetime not null, \`text\` text not null, \`confirm_by\` datetime not null, constraint \`offline_meeting_poll_id_foreign\` foreign key(\`poll_id\`) references \`poll\`(\`id\`) on delete restrict on update cascade, constraint \`offline_meeting_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`offline_meeting_poll_id_index\` on \`offline_meeting\` (\`poll_id\`);`);
    this.addSql(`create index \`offline_meeting_recorded_by_id_index\` on \`offline_meeting\` (\`recorded_by_id\`);`);

    this.addSql(`create table \`ballot_record\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`poll_id\` text not null, \`voter_key\` text not null, \`choice\` json not null, \`cast_by_id\` text not null, \`mandate_id\` text null, \`unit_id\` text null, \`sequence\` integer not null, \`receipt\` text not null, \`cast_at\` datetime not null, \`offline_meeting_id\` text null, constraint \`ballot_record_poll_id_foreign\` foreign key(\`poll_id\`) references \`poll\`(\`id\`) on delete restrict on update cascade, constraint \`ballot_record_cast_by_id_foreign\` foreign key(\`cast_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`ballot_record_offline_meeting_id_foreign\` foreign key(\`offline_meeting_id\`) references \`offline_meeting\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`ballot_record_poll_id_index\` on \`ballot_record\` (\`poll_id\`);`);
    this.addSql(`create index \`ballot_record_cast_by_id_index\` on \`ballot_record\` (\`cast_by_id\`);`);
    this.addSql(`create index \`ballot_record_offline_meeting_id_index\` on \`ballot_record\` (\`offline_meeting_id\`);`);
    this.addSql(`create index \`ballot_record_poll_id_voter_key_index\` on \`ballot_record\` (\`poll_id\`, \`voter_key\`);`);
    this.addSql(`create unique index \`ballot_record_poll_id_sequence_unique\` on \`ballot_record\` (\`poll_id\`, \`sequence\`);`);

    this.addSql(`create table \`ballot\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`poll_id\` text not null, \`voter_key\` text not null, \`choice\` json not null, \`cast_by_id\` text not null, \`mandate_id\` text null, \`unit_id\` text null, \`sequence\` integer not null, \`receipt\` text not null, \`cast_at\` datetime not null, \`offline_meeting_id\` text null, \`confirmation\` text null, \`confirmed_by_id\` text null, \`confirmation_comment\` text null, \`confirmed_at\` datetime null, constraint \`ballot_poll_id_foreign\` foreign key(\`poll_id\`) references \`poll\`(\`id\`) on delete restrict on update cascade, constraint \`ballot_cast_by_id_foreign\` foreign key(\`cast_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, constraint \`ballot_offline_meeting_id_foreign\` foreign key(\`offline_meeting_id\`) references \`offline_meeting\`(\`id\`) on delete restrict on update cascade, constraint \`ballot_confirmed_by_id_foreign\` foreign key(\`confirmed_by_id\`) references \`person\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`ballot_poll_id_index\` on \`ballot\` (\`poll_id\`);`);
    this.addSql(`create index \`ballot_cast_by_id_index\` on \`ballot\` (\`cast_by_id\`);`);
    this.addSql(`create index \`ballot_offline_meeting_id_index\` on \`ballot\` (\`offline_meeting_id\`);`);
    this.addSql(`create index \`ballot_confirmed_by_id_index\` on \`ballot\` (\`confirmed_by_id\`);`);
    this.addSql(`create unique index \`ballot_poll_id_voter_key_unique\` on \`ballot\` (\`poll_id\`, \`voter_key\`);`);
  }

}
