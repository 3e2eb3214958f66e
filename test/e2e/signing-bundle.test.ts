import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { readBundle, rewriteManifest } from '../../src/modules/signing/bundle/bundle-archive';
import { BUNDLE_PATHS, BundlePoll, BundleSignature } from '../../src/modules/signing/bundle/bundle-format';
import { BundleCheck, verifyBundle } from '../../src/modules/signing/bundle/verify-bundle';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { CLUSTER_6_UNIT_NAMES, SigningFlow, signingFlow, SigningPki } from '../support/signing-flow';
import { startTestApp, TestApp } from '../support/test-app';
import { titleRegistration2020 } from '../support/title-registration';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const BUILT_VERIFIER = join(ROOT, 'dist', 'modules', 'signing', 'bundle', 'verify-bundle.js');

/** Builds dist/ when it lacks the verifier or is older than the sources it runs (npm test builds it first anyway). */
function ensureBuilt(): void {
  const bundleDir = join(ROOT, 'src', 'modules', 'signing', 'bundle');
  const sources = [join(ROOT, 'src', 'cli.ts'), ...readdirSync(bundleDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => join(bundleDir, file))];
  const stale = !existsSync(CLI) || !existsSync(BUILT_VERIFIER) || sources.some((source) => statSync(source).mtimeMs > statSync(BUILT_VERIFIER).mtimeMs || statSync(source).mtimeMs > statSync(CLI).mtimeMs);
  if (!stale) return;
  const build = spawnSync('npx', ['nest', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`nest build failed:\n${build.stdout}\n${build.stderr}`);
}

/** Runs `node dist/cli.js verify <file>` where nothing answers at DATABASE_URL or REDIS_URL. */
function runVerify(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1', NODE_ENV: 'production' };
    const child = spawn(process.execPath, [CLI, 'verify', file], { cwd: tmpdir(), env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const failing = (checks: BundleCheck[]) => checks.filter((check) => !check.ok).map((check) => check.key).sort();
const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8'));
/** The same layout as the exporter's, so an edit changes only the bytes it means to. */
const jsonFile = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** Hà Tĩnh's amendment to clause 2, accepted 5–1 (Quảng Trị against): it makes version 2. */
const CLAUSE_2_AMENDMENT = {
  baseVersion: 1,
  kind: 'replace',
  clauseId: 'c-2',
  text: 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.',
  justification: 'Nâng chỉ tiêu cho phù hợp kết quả năm 2019.',
};

/**
 * The campaign of the issue, up to its signing: the discussion merges Hà Tĩnh's amendment into version 2, which is
 * adopted 5–1 (Quảng Trị against), and every unit registers its titles. Mixed ballots make a changed one visible.
 */
async function toSigningWithAmendment(t: TestApp, pact: ClusterPactFixture, flow: SigningFlow, name: string): Promise<string> {
  const { campaignId, documentId } = await pact.launchToDiscussion(name);
  const proposed = (await t.http().post(`/api/v1/campaigns/${campaignId}/amendments`).set(flow.officers.get('VKS-HTI')!).set('X-Acting-Unit', 'VKS-HTI').send(CLAUSE_2_AMENDMENT).expect(201)).body;
  const choiceOf = (code: string) => (code === 'VKS-QTR' ? 'disagree' : 'agree');
  for (const [, code] of CLUSTER_6_UNITS) {
    await t.http().post(`/api/v1/polls/${proposed.pollId}/ballots`).set(flow.officers.get(code)!).set('X-Acting-Unit', code).send({ choice: choiceOf(code) }).expect(201);
  }
  await t.http().post(`/api/v1/tasks/${await flow.openTask(pact.head, campaignId, 'discussion')}/commands`).set(pact.head).send({ command: 'close' }).expect(200);
  const latest = (await t.http().get(`/api/v1/documents/${documentId}`).set(pact.admin).expect(200)).body.latest;
  expect(latest.number).toBe(2);
  for (const [, code] of CLUSTER_6_UNITS) {
    const officer = flow.officers.get(code)!;
    await t.http().post(`/api/v1/tasks/${await flow.openTask(officer, campaignId, 'adoption')}/ballot`).set(officer).send({ choice: choiceOf(code), subjectHash: latest.contentHash }).expect(200);
  }
  for (const [, code] of CLUSTER_6_UNITS) {
    const officer = flow.officers.get(code)!;
    await t.http().post(`/api/v1/tasks/${await flow.openTask(officer, campaignId, 'registration')}/form/submit`).set(officer).send({ data: titleRegistration2020(CLUSTER_6_UNIT_NAMES[code]) }).expect(200);
  }
  expect((await flow.detail(campaignId)).activeStages).toEqual(['signing']);
  return campaignId;
}

describe('verification bundle: exported after the signing, verified offline, tampered copies caught (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let flow: SigningFlow;
  let campaignId: string;
  let bundle: Buffer;
  let files: Map<string, Uint8Array>;
  let adoptionPoll: string;
  let amendmentPoll: string;
  const work = mkdtempSync(join(tmpdir(), 'thidua-bundle-'));

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    flow = await signingFlow(t, pact);
    campaignId = await toSigningWithAmendment(t, pact, flow, 'Giao ước thi đua năm 2020 – hồ sơ kiểm chứng');
    // As in the issue: Thanh Hóa, Nghệ An and Huế by passkey, Hà Tĩnh and Quảng Bình by X.509, Quảng Trị on paper.
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-TTH']) await flow.signWithPasskey(code, campaignId);
    await flow.signWithCertificate('VKS-HTI', campaignId, 'Nguyễn Văn Hà');
    await flow.signWithCertificate('VKS-QBI', campaignId, 'Trần Thị Bình');
    await flow.recordPaper('VKS-QTR', campaignId);
    await flow.confirmPaper('VKS-QTR', campaignId);
    expect((await flow.detail(campaignId)).status).toBe('completed');

    // Any signed-in person may download it: here an officer of Nghệ An.
    const officer: Auth = flow.officers.get('VKS-NAN')!;
    const response = await t.http().get(`/api/v1/campaigns/${campaignId}/bundle`).set(officer).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toContain('application/zip');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="ho-so-kiem-chung-2020-.+\.zip"/);
    bundle = response.body as Buffer;
    const reading = readBundle(bundle);
    if (!reading.ok) throw new Error('the bundle is not a zip');
    files = reading.files;
    const polls = [...files].filter(([path]) => path.startsWith('polls/')).map(([, bytes]) => json(bytes) as BundlePoll);
    adoptionPoll = polls.find((poll) => poll.subject.kind === 'document-version')!.id;
    amendmentPoll = polls.find((poll) => poll.subject.kind === 'amendment')!.id;
  }, 180000);
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    flow?.dispose();
    await t?.close();
  });

  /** A copy with one file edited; `manifest: 'rewritten'` hashes the files again so that only a deeper check can tell. */
  const tampered = (path: string, edit: (bytes: Uint8Array) => Uint8Array, manifest: 'stale' | 'rewritten'): Uint8Array => {
    const copy = new Map(files);
    if (!copy.has(path)) throw new Error(`the bundle has no ${path}`);
    copy.set(path, edit(copy.get(path)!));
    if (manifest === 'rewritten') return rewriteManifest(copy);
    // Only the one file changes; the manifest stays as exported.
    return zipSync(Object.fromEntries(copy));
  };
  const editJson = (edit: (value: Record<string, unknown>) => void) => (bytes: Uint8Array) => {
    const value = json(bytes);
    edit(value);
    return jsonFile(value);
  };
  const messageOf = (checks: BundleCheck[], key: string) => checks.find((check) => check.key === key)!.message;

  it('holds every artefact of the campaign, and every check passes', async () => {
    const paths = [...files.keys()];
    expect(paths).toEqual(
      expect.arrayContaining([
        'manifest.json', 'campaign.json', 'history.json', 'signing/trust-anchors.pem',
        'document/versions/1.json', 'document/versions/1.pdf', 'document/versions/2.json', 'document/versions/2.pdf', 'document/amendments/1.json',
        `polls/${adoptionPoll}.json`, `polls/${amendmentPoll}.json`,
        'signing/1/envelope.json', 'signing/1/title-registrations.json',
        'signing/1/signatures/VKS-THA/statement.json', 'signing/1/signatures/VKS-THA/signature.json',
        'signing/1/signatures/VKS-HTI/signature.p7s', 'signing/1/signatures/VKS-HTI/chain.pem',
        'signing/1/signatures/VKS-QTR/scan.pdf',
      ]),
    );
    expect(Buffer.from(files.get('document/versions/2.pdf')!).subarray(0, 5).toString()).toBe('%PDF-');
    const manifest = json(files.get(BUNDLE_PATHS.manifest)!);
    expect(manifest).toMatchObject({ kind: 'thidua.verification-bundle', formatVersion: 1, campaign: { id: campaignId, year: 2020 } });
    expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual(paths.filter((path) => path !== 'manifest.json').sort());
    // Open ballots name the unit and its choice; the passkey's public key and assertion, the paper scan's confirmation are there.
    const poll = json(files.get(`polls/${adoptionPoll}.json`)!) as BundlePoll;
    expect(poll.ballots.secrecy === 'open' && poll.ballots.counted.map((b) => `${b.unit?.code}:${String(b.choice)}`).sort()).toEqual(
      ['VKS-HTI:agree', 'VKS-NAN:agree', 'VKS-QBI:agree', 'VKS-QTR:disagree', 'VKS-THA:agree', 'VKS-TTH:agree'],
    );
    const passkey = json(files.get('signing/1/signatures/VKS-THA/signature.json')!) as BundleSignature;
    expect(passkey.evidence).toEqual(expect.objectContaining({ publicKey: expect.any(String), authenticatorData: expect.any(String), clientDataJSON: expect.any(String), signature: expect.any(String) }));
    const paper = json(files.get('signing/1/signatures/VKS-QTR/signature.json')!) as BundleSignature;
    expect(paper.evidence).toEqual(expect.objectContaining({ scanSha256: expect.any(String), confirmedBy: expect.any(Object) }));

    const checks = await verifyBundle(bundle);
    expect(failing(checks)).toEqual([]);
    expect(checks.map((check) => check.key)).toEqual(
      expect.arrayContaining([
        'manifest', 'version:1', 'version:2', 'merge:2', 'amendment:1', `ballots:${adoptionPoll}`, `tally:${adoptionPoll}`, `tally:${amendmentPoll}`,
        'adopted', 'registrations', 'signature:VKS-THA', 'signature:VKS-NAN', 'signature:VKS-TTH', 'signature:VKS-HTI', 'signature:VKS-QBI', 'signature:VKS-QTR',
        'history', 'history:artefacts',
      ]),
    );
  });

  it('one byte of the adopted text: its version hash fails (and the manifest, until it is recomputed)', async () => {
    const edit = editJson((version) => {
      const content = version.content as { clauses: Array<{ text: string }> };
      const clause = content.clauses.find((candidate) => candidate.text.includes('75%'))!;
      clause.text = clause.text.replace('75%', '76%');
    });
    const stale = await verifyBundle(tampered('document/versions/2.json', edit, 'stale'));
    expect(failing(stale)).toEqual(['manifest', 'version:2']);
    expect(messageOf(stale, 'manifest').vi).toContain('document/versions/2.json');
    const deep = await verifyBundle(tampered('document/versions/2.json', edit, 'rewritten'));
    expect(failing(deep)).toEqual(['version:2']);
    expect(messageOf(deep, 'version:2').vi).toMatch(/^Phiên bản 2 của văn bản: mã băm tính lại từ nội dung/);
  });

  it("a ballot: Quảng Trị's vote turned to agree fails the recount and its receipt", async () => {
    const edit = editJson((poll) => {
      const ballot = (poll as unknown as BundlePoll & { ballots: { counted: Array<{ unit: { code: string }; choice: string }> } }).ballots.counted.find((b) => b.unit.code === 'VKS-QTR')!;
      ballot.choice = 'agree';
    });
    const checks = await verifyBundle(tampered(`polls/${adoptionPoll}.json`, edit, 'rewritten'));
    expect(failing(checks)).toEqual([`ballots:${adoptionPoll}`, `tally:${adoptionPoll}`].sort());
    expect(messageOf(checks, `ballots:${adoptionPoll}`).vi).toContain('phiếu của VKS-QTR');
  });

  it('a tally: a changed count in the recorded arithmetic fails the recount and the manifest', async () => {
    const edit = editJson((poll) => {
      ((poll.decision as { arithmetic: { agree: number } }).arithmetic).agree = 6;
    });
    const checks = await verifyBundle(tampered(`polls/${adoptionPoll}.json`, edit, 'stale'));
    expect(failing(checks)).toEqual(['manifest', `tally:${adoptionPoll}`]);
    expect(messageOf(checks, `tally:${adoptionPoll}`).vi).toContain('phép tính ghi nhận');
  });

  it('a merged amendment: another text no longer merges into version 2, nor is it what was voted on', async () => {
    const edit = editJson((amendment) => {
      amendment.text = String(amendment.text).replace('75%', '80%');
    });
    const checks = await verifyBundle(tampered('document/amendments/1.json', edit, 'rewritten'));
    expect(failing(checks)).toEqual(['amendment:1', 'merge:2']);
    expect(messageOf(checks, 'merge:2').vi).toContain('ghép sửa đổi số 1 vào phiên bản 1');
  });

  it("a signature: one byte of Thanh Hóa's passkey signature fails that signature, naming the unit", async () => {
    const edit = editJson((signature) => {
      const evidence = signature.evidence as { signature: string };
      const bytes = Buffer.from(evidence.signature, 'base64url');
      bytes[bytes.length - 5] ^= 0x01;
      evidence.signature = bytes.toString('base64url');
    });
    const checks = await verifyBundle(tampered('signing/1/signatures/VKS-THA/signature.json', edit, 'rewritten'));
    expect(failing(checks)).toEqual(['signature:VKS-THA']);
    expect(messageOf(checks, 'signature:VKS-THA').vi).toMatch(/^chữ ký của VKS-THA: /);
  });

  it('a certificate: another root in place of the trust anchor fails both X.509 signatures', async () => {
    const stranger = new SigningPki('Untrusted Root');
    try {
      const checks = await verifyBundle(tampered(BUNDLE_PATHS.trustAnchors, () => stranger.root.pem, 'stale'));
      expect(failing(checks)).toEqual(['manifest', 'signature:VKS-HTI', 'signature:VKS-QBI']);
      expect(messageOf(checks, 'signature:VKS-HTI').vi).toMatch(/^chữ ký của VKS-HTI: /);
      const deep = await verifyBundle(tampered(BUNDLE_PATHS.trustAnchors, () => stranger.root.pem, 'rewritten'));
      expect(failing(deep)).toEqual(['signature:VKS-HTI', 'signature:VKS-QBI']);
    } finally {
      stranger.dispose();
    }
  });

  it('a history event: a changed outcome breaks the chain at that event', async () => {
    let seq = 0;
    const edit = editJson((history) => {
      const event = (history.events as Array<{ seq: number; type: string; data: Record<string, unknown> }>).find((candidate) => candidate.type === 'poll.closed')!;
      event.data.outcome = 'failed';
      seq = event.seq;
    });
    const checks = await verifyBundle(tampered(BUNDLE_PATHS.history, edit, 'rewritten'));
    expect(failing(checks)).toEqual(['history']);
    expect(messageOf(checks, 'history').vi).toContain(`sự kiện số ${seq} (poll.closed)`);
  });

  it('the public /verify page checks an upload with no sign-in: all passed, or the failures named, in Vietnamese or English', async () => {
    const form = (await t.http().get('/verify').expect(200)).text;
    expect(form).toContain('Kiểm chứng hồ sơ giao ước');
    const good = await t.http().post('/verify').attach('bundle', bundle, 'ho-so.zip').expect(200);
    const total = (await verifyBundle(bundle)).length;
    expect(good.text).toContain(`Hồ sơ hợp lệ: cả ${total} kiểm tra đều đạt.`);
    expect(good.text).not.toContain('data-ok="false"');
    const bad = tampered(BUNDLE_PATHS.trustAnchors, () => Buffer.from('not a certificate\n'), 'rewritten');
    const refused = await t.http().post('/verify').set('Cookie', 'lang=en').attach('bundle', Buffer.from(bad), 'tampered.zip').expect(200);
    expect(refused.text).toMatch(new RegExp(`2 of ${total} checks failed`));
    expect(refused.text).toContain('data-check="signature:VKS-HTI" data-ok="false"');
    const notZip = await t.http().post('/verify').attach('bundle', Buffer.from('plain text'), 'notes.txt').expect(200);
    expect(notZip.text).toContain('không phải tệp nén zip');
    expect((await t.http().post('/verify').field('note', 'no file').expect(400)).text).toContain('Hãy chọn tệp hồ sơ kiểm chứng');
    // Another site cannot make a visitor's browser post here.
    expect((await t.http().post('/verify').set('Origin', 'http://evil.example').attach('bundle', bundle, 'ho-so.zip').expect(403)).text).toBeDefined();
  });

  it('`node dist/cli.js verify` checks the bundle with no database or Redis: exit 0 with ✔ lines, exit 1 naming a failure', async () => {
    ensureBuilt();
    const good = join(work, 'bundle.zip');
    writeFileSync(good, bundle);
    const passed = await runVerify(good);
    expect(passed.output).toContain('✔ manifest:');
    expect(passed.output).toContain('✔ signature:VKS-QTR: chữ ký của VKS-QTR');
    expect(passed.output).toContain('✔ history:');
    expect(passed.output).not.toContain('✘');
    expect(passed.code).toBe(0);

    const bad = join(work, 'tampered.zip');
    writeFileSync(bad, tampered(BUNDLE_PATHS.trustAnchors, () => Buffer.from('not a certificate\n'), 'rewritten'));
    const failed = await runVerify(bad);
    expect(failed.output).toContain('✘ signature:VKS-HTI: chữ ký của VKS-HTI');
    expect(failed.output).toMatch(/2\/\d+ kiểm tra không đạt/);
    expect(failed.code).toBe(1);
  }, 300000);
});
