import { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { preparedRows } from '../../database/prepared-rows';
import { EnteredRun, EVENT_COLUMNS, EVENT_TYPES, EventRow, eventRowsOf, RUN_COLUMNS, RUN_TYPES, rowsOf, runRow, TASK_COLUMNS, TASK_TYPES, taskRows } from './direct-rows';

/** A launch written by hand: the campaign's row, its first stage's run and tasks, and its first events. */
export interface LaunchWrite {
  /** The campaign's columns as the ORM would insert them (columnsOf of the entity it created). */
  campaign: Record<string, unknown>;
  entered: EnteredRun;
  /** The engine's time: the run's and tasks' creation. */
  at: Date;
  /** In chain order, from the genesis: the launch's, then the stage's entry. */
  events: EventRow[];
}

/**
 * Writes a launch whose first stage is entered by hand (WorkflowRunner.directEntry) outside the ORM's unit of work:
 * on PostgreSQL in one statement (foreign keys are checked at its end, when every row is there), on SQLite in one
 * transaction. Only new rows: it commits whole or, failing, writes nothing.
 */
@Injectable()
export class DirectLaunch {
  constructor(private readonly em: EntityManager) {}

  async write({ campaign, entered, at, events }: LaunchWrite): Promise<void> {
    const campaignId = String(campaign.id);
    const columns = Object.keys(campaign).map((column) => `"${column}"`).join(', ');
    const inserts = [
      { sql: `insert into campaign (${columns}) values (${Object.keys(campaign).map(() => '?').join(', ')})`, params: Object.values(campaign) },
      { sql: `insert into stage_run (${RUN_COLUMNS}) values ${rowsOf(RUN_TYPES, 1, false)}`, params: runRow(entered, campaignId, at) },
      { sql: `insert into task (${TASK_COLUMNS}) values ${rowsOf(TASK_TYPES, entered.tasks.length, false)}`, params: taskRows(entered, campaignId, at) },
      // The events' own rows are written now, as the ORM sets a row's times.
      { sql: `insert into campaign_event (${EVENT_COLUMNS}) values ${rowsOf(EVENT_TYPES, events.length, false)}`, params: eventRowsOf(events, campaignId, new Date()) },
    ];
    if (this.em.getPlatform().constructor.name === 'PostgreSqlPlatform') {
      const parts = inserts.slice(0, -1).map((insert, index) => `w${index} as (${insert.sql})`);
      await preparedRows(this.em, `with ${parts.join(', ')} ${inserts[inserts.length - 1].sql}`, inserts.flatMap((insert) => insert.params));
      return;
    }
    // SQLite (in process: a statement costs no round trip) cannot write from a WITH.
    await (this.em.getConnection() as AbstractSqlConnection).transactional(async (trx) => {
      for (const insert of inserts) await preparedRows(this.em, insert.sql, insert.params, trx);
    });
  }
}
