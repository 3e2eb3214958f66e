import { MikroORM } from '@mikro-orm/core';
import { syncBuiltinRulePacks } from '../../src/modules/commendations/records/builtin-rule-packs-sync';
import { RulePackLibraryService } from '../../src/modules/commendations/records/rule-pack-library.service';
import { syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { syncBuiltinScoringTables } from '../../src/modules/scoring/builtin-scoring-tables-sync';
import { ScoringTablesService } from '../../src/modules/scoring/scoring-tables.service';
import { syncBuiltinWorkflows } from '../../src/workflows/definitions/builtin-workflows';
import { WorkflowDefinitionsService } from '../../src/workflows/definitions/workflow-definitions.service';
import { StageRegistry } from '../../src/workflows/stages/stage-registry';
import { pactDraft2020 } from './pact-draft';
import { bearerFor, TestApp } from './test-app';

export type Auth = { Authorization: string };

/** The six member units of Cluster No. 6: demo slug (for `<slug>.canbo`, `<slug>.vientruong`) and unit code. */
export const CLUSTER_6_UNITS = [
  ['thanhhoa', 'VKS-THA'],
  ['nghean', 'VKS-NAN'],
  ['hatinh', 'VKS-HTI'],
  ['quangbinh', 'VKS-QBI'],
  ['quangtri', 'VKS-QTR'],
  ['hue', 'VKS-TTH'],
] as const;

export interface ClusterPactFixture {
  admin: Auth;
  /** The head of VKS-THA, the cluster head: drafts the pact and closes the discussion. */
  head: Auth;
  clusterId: string;
  /** The published version of the built-in workflow `cluster-pact`. */
  versionId: string;
  /** Launches a cluster-pact campaign for Cluster No. 6 (2020). */
  launch(name: string): Promise<string>;
  /** Launches one and submits the 2020 draft as the head: the discussion is open, with version 1 of the document. */
  launchToDiscussion(name: string): Promise<{ campaignId: string; documentId: string }>;
}

/**
 * Loads the built-in forms, scoring tables, workflows and rule packs (in that order, as `thidua setup`; the packs through
 * the app's library, so that it serves them at once) and finds what a cluster-pact campaign needs.
 */
export async function clusterPactFixture(t: TestApp): Promise<ClusterPactFixture> {
  const em = t.app.get(MikroORM).em;
  await syncBuiltinForms(new FormsService(em.fork()));
  const scoringEm = em.fork();
  await syncBuiltinScoringTables(new ScoringTablesService(scoringEm, new FormsService(scoringEm)));
  await syncBuiltinWorkflows(new WorkflowDefinitionsService(em.fork(), new StageRegistry()));
  await syncBuiltinRulePacks(t.app.get(RulePackLibraryService));
  const admin = await bearerFor(t, 'admin');
  const head = await bearerFor(t, 'thanhhoa.vientruong');
  const clusterId = (await em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
  const definitions = (await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.items;
  const pact = definitions.find((d: { key: string }) => d.key === 'cluster-pact');
  const versionId: string = (await t.http().get(`/api/v1/workflow-definitions/${pact.id}/versions`).set(admin).expect(200)).body.items[0].id;
  const launch = async (name: string): Promise<string> =>
    (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: versionId, name, year: 2020, clusterId }).expect(201)).body.id;
  const launchToDiscussion = async (name: string) => {
    const campaignId = await launch(name);
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(head).expect(200)).body;
    const draft = inbox.tasks.find((task: { stageKey: string }) => task.stageKey === 'draft');
    await t.http().post(`/api/v1/tasks/${draft.id}/form/submit`).set(head).send({ data: pactDraft2020() }).expect(200);
    const { documentId } = (await t.http().get(`/api/v1/campaigns/${campaignId}/deliberation`).set(admin).expect(200)).body;
    if (typeof documentId !== 'string') throw new Error('the discussion did not create the document');
    return { campaignId, documentId };
  };
  return { admin, head, clusterId, versionId, launch, launchToDiscussion };
}

/** The pact's workflow with a secret adoption vote (and nothing after it), for the secret-ballot tests. */
export const SECRET_PACT_WORKFLOW = {
  name: { vi: 'Giao ước, biểu quyết kín' },
  subject: 'cluster',
  start: 'draft',
  stages: {
    draft: { type: 'form', assignees: ['cluster-head'], settings: { form: 'pact/pact-draft' }, on: { submitted: 'discussion' } },
    discussion: { type: 'discussion', assignees: ['cluster-head'], settings: { document: { fromForm: 'pact/pact-draft' } }, on: { closed: 'adoption' } },
    adoption: {
      type: 'vote',
      fanOut: 'each-member',
      settings: { rule: { denominator: 'members', threshold: '1/2', comparison: '>', ballot: 'secret', tieBreak: 'status-quo' } },
      on: { passed: 'done', failed: 'discussion', 'no-quorum': 'discussion', tie: 'discussion' },
    },
    done: { type: 'end' },
  },
};
