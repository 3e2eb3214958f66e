import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { PrincipalService } from '../src/modules/auth/principal.service';
import { Cluster } from '../src/modules/org/entities/cluster.entity';
import { Person } from '../src/modules/org/entities/person.entity';
import { CampaignCommandsService } from '../src/workflows/engine/campaign-commands.service';
import { CampaignLaunchService } from '../src/workflows/engine/campaign-launch.service';
import { Task } from '../src/workflows/engine/entities/task.entity';
import { startTestApp } from '../test/support/test-app';
import { publishedVersion } from '../test/support/workflow-factory';
async function main() {
  const t = await startTestApp({ role: 'api' });
  const orm = t.app.get(MikroORM);
  const em = orm.em.fork();
  const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 }, { populate: ['headUnit', 'deputyUnit'] });
  const version = await publishedVersion(t, `bench-peer-${randomUUID().slice(0, 8)}`, {
    name: 'Ba bước duyệt', start: 'head-review',
    stages: {
      'head-review': { type: 'review', assignees: ['cluster-head'], on: { approved: 'deputy-review', returned: 'head-review' } },
      'deputy-review': { type: 'review', assignees: ['cluster-deputy'], on: { approved: 'admin-review', returned: 'head-review' } },
      'admin-review': { type: 'review', assignees: [{ person: 'admin' }], on: { approved: 'done', returned: 'head-review' } },
      done: { type: 'end' },
    },
  } as never);
  const principalOf = async (username: string, roles: string[] = []) => { const p = await em.findOneOrFail(Person, { username }); return { personId: p.id, username, fullName: p.fullName, roles }; };
  const principals = t.app.get(PrincipalService);
  const admin = await principalOf('admin', ['admin']);
  const head = await principalOf('thanhhoa.vientruong');
  const deputy = await principalOf('nghean.vientruong');
  const actors = [
    { principal: head, actingFor: await principals.resolveActingFor(head.personId, cluster.headUnit!.code) },
    { principal: deputy, actingFor: await principals.resolveActingFor(deputy.personId, cluster.deputyUnit!.code) },
    { principal: admin, actingFor: undefined },
  ];
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session(); session.connect();
  const one = async (i: number) => {
    const campaign = await t.app.get(CampaignLaunchService).launch({ workflowVersionId: version.id, name: `peer ${i}`, year: 2020, clusterId: cluster.id }, admin);
    for (const actor of actors) {
      const task = await orm.em.fork().findOneOrFail(Task, { campaign: campaign.id, status: 'open' });
      await t.app.get(CampaignCommandsService).commandTask(task.id, { command: 'approve' }, actor.principal, actor.actingFor);
    }
  };
  const pool = async (n: number, c: number) => { let next = 0; await Promise.all(Array.from({ length: c }, async () => { while (next < n) await one(next++); })); };
  await pool(100, 16);
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  const started = Date.now();
  await pool(400, 16);
  const secs = (Date.now() - started) / 1000;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync('/tmp/prof/peer.cpuprofile', JSON.stringify(profile));
  console.log('processes/s', 400 / secs);
  await t.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
