import { verifyWebhookSignature } from '../../src/modules/webhooks/webhook-signature';
import type { WebhookPayload } from '../../src/workflows/webhooks/webhook-payloads.service';
import { CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { HttpsReceiver, startHttpsReceiver } from '../support/https-receiver';
import { SigningFlow, signingFlow } from '../support/signing-flow';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('webhooks: the built-in pact workflow tells an endpoint of its vote and of the pact in force (e2e)', () => {
  let t: TestApp;
  let receiver: HttpsReceiver;
  let pact: ClusterPactFixture;
  let flow: SigningFlow;

  beforeAll(async () => {
    receiver = await startHttpsReceiver();
    t = await startTestApp({ role: 'all', env: { WEBHOOK_CA_FILE: receiver.caFile } });
    pact = await clusterPactFixture(t);
    flow = await signingFlow(t, pact);
  });
  afterAll(async () => {
    flow?.dispose();
    await t?.close();
    await receiver?.close();
  });

  it('sends vote.decided with the count and pact.in-force with the signed hash, once each, signed', async () => {
    const endpoint = (
      await t.http().post('/api/v1/webhooks').set(pact.admin).send({ name: 'Cổng thông tin Cụm 6', url: `${receiver.url}/pact`, events: ['vote.decided', 'pact.in-force'] }).expect(201)
    ).body as { id: string; secret: string };
    const { campaignId, contentHash } = await flow.toSigning('Giao ước thi đua năm 2020 – Cụm 6 (webhook)');
    for (const [, code] of CLUSTER_6_UNITS) await flow.signWithPasskey(code, campaignId);
    expect((await flow.detail(campaignId)).status).toBe('completed');

    const received = await waitFor(async () => (receiver.received.length >= 2 ? receiver.received : undefined), 'the vote and the pact in force');
    await waitFor(async () => {
      const log = (await t.http().get(`/api/v1/webhooks/${endpoint.id}/deliveries`).set(pact.admin).expect(200)).body.items as Array<{ status: string }>;
      return log.length === 2 && log.every((delivery) => delivery.status === 'delivered') ? true : undefined;
    }, 'both delivered');
    expect(receiver.received).toHaveLength(2);
    for (const request of received) expect(verifyWebhookSignature(endpoint.secret, request.body, String(request.headers['x-thidua-signature'])).valid).toBe(true);
    const [vote, inForce] = received.map((request) => JSON.parse(request.body) as WebhookPayload);
    const campaign = { id: campaignId, name: 'Giao ước thi đua năm 2020 – Cụm 6 (webhook)', workflow: { key: 'cluster-pact' }, subject: { kind: 'cluster', name: 'Cụm thi đua số 6' } };
    expect(vote).toMatchObject({ event: 'vote.decided', campaign, stage: { key: 'adoption', type: 'vote' }, data: { stage: 'adoption', outcome: 'passed', ballots: 6, members: 6 } });
    expect(inForce).toMatchObject({ event: 'pact.in-force', campaign, data: { contentHash } });
    expect(inForce.history.seq).toBeGreaterThan(vote.history.seq);
  });
});
