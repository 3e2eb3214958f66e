import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { CLUSTER_6_UNIT_NAMES, SCANNED_PAGE, SigningFlow, signingFlow, SigningPki } from '../support/signing-flow';
import { startTestApp, TestApp } from '../support/test-app';

const UNITS = CLUSTER_6_UNITS;
const UNIT_NAMES = CLUSTER_6_UNIT_NAMES;

// Each test takes a campaign through discussion, adoption and registration before it signs: about a minute on a busy machine.
jest.setTimeout(180_000);

describe('signing: six units register titles and sign the adopted pact by passkey, X.509 and on paper (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let admin: Auth;
  let flow: SigningFlow;
  let pki: SigningPki;
  let officers: Map<string, Auth>;
  let heads: Map<string, Auth>;
  let headIds: Map<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    ({ admin } = pact);
    flow = await signingFlow(t, pact);
    ({ pki, officers, heads, headIds } = flow);
  });
  afterAll(async () => {
    flow?.dispose();
    await t?.close();
  });

  const openTask = (auth: Auth, campaignId: string, stageKey: string) => flow.openTask(auth, campaignId, stageKey);
  const detail = (campaignId: string) => flow.detail(campaignId);
  const toSigning = (name: string) => flow.toSigning(name);
  const registerPasskey = (code: string) => flow.registerPasskey(code);
  const statementOf = (code: string, task: string) => flow.statementOf(code, task);

  it('Thanh Hóa, Nghệ An and Huế sign with passkeys, Hà Tĩnh and Quảng Bình with X.509, Quảng Trị on paper: the pact is in force', async () => {
    const { campaignId, contentHash } = await toSigning('Giao ước thi đua năm 2020 – ký kết');

    // The statement binds the adopted text, the consolidated registrations, the unit, the signer and the mandate.
    const thaTask = await openTask(heads.get('VKS-THA')!, campaignId, 'signing');
    const first = await statementOf('VKS-THA', thaTask);
    expect(first.statement).toMatchObject({ kind: 'thidua.signing-statement', formatVersion: 1, document: { versionNumber: 1, contentHash }, unit: { code: 'VKS-THA' }, signer: { personId: headIds.get('VKS-THA'), role: 'head' } });
    expect(first.statement.titleRegistrationsHash).toMatch(/^[0-9a-f]{64}$/);
    const status = (await t.http().get(`/api/v1/tasks/${thaTask}/signing`).set(admin).expect(200)).body;
    expect(status.titleRegistrations.map((r: { unitCode: string }) => r.unitCode)).toEqual([...UNITS.map(([, code]) => code)].sort());
    expect(status.titleRegistrationsHash).toBe(first.statement.titleRegistrationsHash);
    const file = await t.http().get(`/api/v1/tasks/${thaTask}/signing/statement?download=1`).set(heads.get('VKS-THA')!).expect(200);
    expect(file.headers['content-disposition']).toContain('loi-cam-ket-ky-VKS-THA.json');

    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-TTH']) {
      const authenticator = await registerPasskey(code);
      const task = await openTask(heads.get(code)!, campaignId, 'signing');
      const { canonical, passkeyOptions } = await statementOf(code, task);
      const response = authenticator.sign(passkeyOptions);
      const signed = (await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'passkey', statement: canonical, response }).expect(200)).body;
      expect(signed).toMatchObject({ method: 'passkey', status: 'valid', unit: { code } });
      // Signing again answers the same signature.
      const again = (await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'passkey', statement: canonical, response: authenticator.sign(passkeyOptions) }).expect(200)).body;
      expect(again.id).toBe(signed.id);
    }

    for (const [code, name] of [['VKS-HTI', 'Nguyễn Văn Hà'], ['VKS-QBI', 'Trần Thị Bình']]) {
      const signed = await flow.signWithCertificate(code, campaignId, name);
      expect(signed).toMatchObject({ method: 'x509', status: 'valid', unit: { code } });
      expect(signed.certificateSubject).toContain(name);
    }

    // Quảng Trị signed the paper copy at the conference: the secretary records it, and the unit confirms.
    const qtrTask = await openTask(heads.get('VKS-QTR')!, campaignId, 'signing');
    // Sent with an Idempotency-Key, as a client that lost the answer retries: the retry replays the first answer.
    const paper = () =>
      t.http().post(`/api/v1/tasks/${qtrTask}/signing/paper`).set(admin).set('Idempotency-Key', `paper-${qtrTask}`).send({ scan: SCANNED_PAGE.toString('base64'), note: 'Ký tại hội nghị ngày 13/02/2020' });
    const recorded = (await paper().expect(201)).body;
    expect((await paper().expect(201)).body).toEqual(recorded);
    expect(recorded).toMatchObject({ method: 'paper', status: 'awaiting-confirmation', unit: { code: 'VKS-QTR' }, signer: { personId: headIds.get('VKS-QTR') } });
    expect((await detail(campaignId)).activeStages).toEqual(['signing']);
    const confirmed = (await t.http().post(`/api/v1/tasks/${qtrTask}/signing/paper/confirm`).set(heads.get('VKS-QTR')!).expect(200)).body;
    expect(confirmed).toMatchObject({ id: recorded.id, status: 'valid' });

    const campaign = await detail(campaignId);
    expect(campaign.status).toBe('completed');
    expect(campaign.stages.find((s: { stageKey: string }) => s.stageKey === 'signing').outcome).toBe('signed');
    const signing = (await t.http().get(`/api/v1/tasks/${thaTask}/signing`).set(admin).expect(200)).body;
    expect(signing.status).toBe('in-force');
    expect(signing.inForceAt).toEqual(expect.any(String));
    expect(signing.signatures.map((s: { unit: { code: string }; method: string }) => `${s.unit.code}:${s.method}`).sort()).toEqual(
      ['VKS-HTI:x509', 'VKS-NAN:passkey', 'VKS-QBI:x509', 'VKS-QTR:paper', 'VKS-THA:passkey', 'VKS-TTH:passkey'],
    );
    expect(signing.document.contentHash).toBe(contentHash);
    const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(admin).expect(200)).body as Array<{ type: string; data: Record<string, unknown> }>;
    expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(['signing.opened', 'signature.recorded', 'pact.in-force']));
    expect(history.find((e) => e.type === 'signing.opened')!.data).toMatchObject({ document: { hash: contentHash } });
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/verify`).set(admin).expect(200)).body.intact).toBe(true);
  });

  it('refuses what must not count, with its code, and records nothing; 20 concurrent signings of one unit make one signature', async () => {
    const { campaignId } = await toSigning('Giao ước thi đua năm 2020 – chữ ký không hợp lệ');
    const code = 'VKS-HTI';
    const task = await openTask(heads.get(code)!, campaignId, 'signing');
    const signingOf = async () => (await t.http().get(`/api/v1/tasks/${task}/signing`).set(admin).expect(200)).body;

    // An officer's mandate does not allow signing for the unit.
    const officer = await t.http().get(`/api/v1/tasks/${task}/signing/statement`).set(officers.get(code)!).expect(403);
    expect(officer.body.code).toBe('SIGNER_ROLE_NOT_ALLOWED');
    // The roles in words, not their keys.
    expect(officer.body.message).toMatch(/^Chỉ thủ trưởng đơn vị( hoặc cấp phó)? mới được ký thay mặt đơn vị; ủy quyền của bạn là “cán bộ”\.$/);

    const certificate = pki.issue('Nguyễn Văn Hà', UNIT_NAMES[code]);
    await t.http().post(`/api/v1/signing/people/${headIds.get(code)}/certificates`).set(admin).send({ certificate: certificate.pem.toString('utf8') }).expect(201);
    const { statement, canonical } = await statementOf(code, task);

    // A CMS over another statement, a statement about another text, a tampered field, an expired or untrusted certificate.
    const overOther = await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!)
      .send({ method: 'x509', statement: canonical, signature: pki.sign(canonical.replace('"VKS-HTI"', '"VKS-HTJ"'), certificate).toString('base64') }).expect(422);
    expect(overOther.body.code).toBe('SIGNATURE_INVALID');
    expect(overOther.body.details.checks.map((c: { code: string }) => c.code)).toContain('CMS_SIGNATURE_INVALID');
    const otherText = JSON.stringify({ ...statement, document: { ...statement.document, contentHash: 'f'.repeat(64) } });
    expect((await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'x509', statement: otherText, signature: pki.sign(otherText, certificate).toString('base64') }).expect(409)).body.code).toBe('SIGNING_VERSION_MISMATCH');
    const otherUnit = JSON.stringify({ ...statement, unit: { ...statement.unit, name: 'Đơn vị khác' } });
    const mismatch = await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'x509', statement: otherUnit, signature: pki.sign(otherUnit, certificate).toString('base64') }).expect(422);
    expect(mismatch.body).toMatchObject({ code: 'SIGNING_STATEMENT_MISMATCH', details: { fields: ['unit'] } });
    const expired = pki.issue('Nguyễn Văn Hà', UNIT_NAMES[code], -1);
    await t.http().post(`/api/v1/signing/people/${headIds.get(code)}/certificates`).set(admin).send({ certificate: expired.pem.toString('utf8') }).expect(201);
    const late = await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'x509', statement: canonical, signature: pki.sign(canonical, expired).toString('base64') }).expect(422);
    expect(late.body.details.checks.map((c: { code: string }) => c.code)).toContain('CERT_EXPIRED');
    const stranger = new SigningPki('Untrusted Root');
    try {
      const foreign = stranger.issue('Nguyễn Văn Hà', UNIT_NAMES[code]);
      const untrusted = await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'x509', statement: canonical, signature: stranger.sign(canonical, foreign).toString('base64') }).expect(422);
      expect(untrusted.body.details.checks.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['CERT_UNTRUSTED']));
    } finally {
      stranger.dispose();
    }

    // A passkey assertion over another challenge.
    const authenticator = await registerPasskey(code);
    const { passkeyOptions } = await statementOf(code, task);
    const wrongChallenge = authenticator.sign(passkeyOptions, { challenge: Buffer.alloc(32, 7).toString('base64url') });
    expect((await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'passkey', statement: canonical, response: wrongChallenge }).expect(422)).body.code).toBe('SIGNATURE_INVALID');

    // A decline needs a reason; a paper scan must be a scan.
    expect((await t.http().post(`/api/v1/tasks/${task}/signing/decline`).set(heads.get(code)!).send({ reason: '' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().post(`/api/v1/tasks/${task}/signing/paper`).set(admin).send({ scan: Buffer.from('not a scan').toString('base64') }).expect(422)).body.code).toBe('SCAN_INVALID');
    expect((await t.http().post(`/api/v1/tasks/${task}/signing/paper`).set(heads.get(code)!).send({ scan: SCANNED_PAGE.toString('base64') }).expect(403)).body.code).toBeDefined();
    expect((await signingOf()).signatures).toEqual([]);

    // Twenty tabs sign at once with the same valid signature: one signature, every answer names it or says to retry.
    const signature = pki.sign(canonical, certificate).toString('base64');
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'x509', statement: canonical, signature })));
    const ok = answers.filter((a) => a.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((a) => a.body.id)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 200)) expect(answer.status).toBe(409);
    expect((await signingOf()).signatures).toHaveLength(1);
  });

  it('a unit that declines, with its reason, sends the pact back to discussion', async () => {
    const { campaignId } = await toSigning('Giao ước thi đua năm 2020 – từ chối ký');
    const task = await openTask(heads.get('VKS-QBI')!, campaignId, 'signing');
    await t.http().post(`/api/v1/tasks/${task}/signing/decline`).set(heads.get('VKS-QBI')!).send({ reason: 'Điều 3 chưa phản ánh chỉ tiêu của đơn vị.' }).expect(200);
    const campaign = await detail(campaignId);
    expect(campaign.activeStages).toEqual(['discussion']);
    expect(campaign.stages.find((s: { stageKey: string }) => s.stageKey === 'signing').outcome).toBe('declined');
    expect((await t.http().get(`/api/v1/tasks/${task}/signing`).set(admin).expect(200)).body.status).toBe('declined');
  });
});
