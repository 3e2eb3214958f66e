import { MikroORM } from '@mikro-orm/core';
import { sqlRows } from '../src/database/sql-rows';
import type { TestApp } from '../test/support/test-app';

/**
 * The campaign's open task, as a client finds it (its inbox): by a plain statement, so that the ORM's query building
 * and mapping, which cost about a tenth of a one-task campaign, are not counted against the engine.
 */
export async function openTaskOf(t: TestApp, campaignId: string): Promise<string> {
  const [task] = await sqlRows<{ id: string }>(t.app.get(MikroORM).em.fork(), "select id from task where campaign_id = ? and status = 'open'", [campaignId]);
  if (!task) throw new Error(`campaign ${campaignId} has no open task`);
  return task.id;
}
