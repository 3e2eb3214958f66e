import { MikroORM } from '@mikro-orm/core';
import { contentHash } from '../../src/common/hashing/canonical-json';
import { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { WorkflowDefinition } from '../../src/workflows/engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../../src/workflows/engine/entities/workflow-version.entity';
import { TestApp } from './test-app';

/** Stores a published workflow version directly, for engine tests that do not exercise publishing. */
export async function publishedVersion(t: TestApp, key: string, document: WorkflowDocument): Promise<WorkflowVersion> {
  const em = t.app.get(MikroORM).em.fork();
  const definition = em.create(WorkflowDefinition, { key, name: key, draft: document });
  const version = em.create(WorkflowVersion, { definition, number: 1, document, contentHash: contentHash(document), publishedAt: new Date() });
  await em.flush();
  return version;
}

/** review by the cluster head → acknowledge by every member (due in 1 h, closed on timeout) → wait 1 min → end. */
export function fourStageDocument(onDeadline: 'close' | 'mark-late' | 'escalate' = 'close'): WorkflowDocument {
  return {
    name: { vi: 'Giao ước thử nghiệm', en: 'Test pact' },
    subject: 'cluster',
    start: 'draft-review',
    stages: {
      'draft-review': { type: 'review', name: { vi: 'Cụm trưởng duyệt dự thảo' }, assignees: ['cluster-head'], on: { approved: 'acknowledge', returned: 'draft-review' } },
      acknowledge: {
        type: 'acknowledge',
        name: { vi: 'Các đơn vị xác nhận' },
        fanOut: 'each-member',
        due: { hours: 1 },
        reminders: [{ before: { minutes: 30 } }],
        onDeadline,
        on: { acknowledged: 'cool-off', ...(onDeadline === 'close' ? { timeout: 'cool-off' } : {}) },
      },
      'cool-off': { type: 'wait', due: { minutes: 1 }, on: { elapsed: 'done' } },
      done: { type: 'end' },
    },
  };
}
