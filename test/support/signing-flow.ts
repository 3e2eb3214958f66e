import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'supertest';
import { Person } from '../../src/modules/org/entities/person.entity';
import { TestCertificate, TestPki } from '../fixtures/x509/test-pki';
import { Auth, CLUSTER_6_UNITS, ClusterPactFixture } from './cluster-pact';
import { SoftwareAuthenticator } from './software-authenticator';
import { bearerFor, TestApp } from './test-app';
import { titleRegistration2020 } from './title-registration';

/** The full names of Cluster No. 6's units, as the demo data has them. */
export const CLUSTER_6_UNIT_NAMES: Record<string, string> = {
  'VKS-THA': 'Viện kiểm sát nhân dân tỉnh Thanh Hóa',
  'VKS-NAN': 'Viện kiểm sát nhân dân tỉnh Nghệ An',
  'VKS-HTI': 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh',
  'VKS-QBI': 'Viện kiểm sát nhân dân tỉnh Quảng Bình',
  'VKS-QTR': 'Viện kiểm sát nhân dân tỉnh Quảng Trị',
  'VKS-TTH': 'Viện kiểm sát nhân dân tỉnh Thừa Thiên Huế',
};

const DAY = 24 * 60 * 60 * 1000;
/** openssl's certificate dates: YYYYMMDDHHMMSSZ. */
const stamp = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/** A root CA and signer certificates issued by it, as a Vietnamese CA's USB tokens carry them. */
export class SigningPki {
  readonly pki = new TestPki();
  readonly root: TestCertificate;
  private count = 0;

  constructor(rootName = 'Thidua Test Root CA') {
    this.root = this.pki.issue({ name: 'root', subject: `/CN=${rootName}/O=thidua test/C=VN`, key: 'ec', profile: 'root', notBefore: stamp(-400), notAfter: stamp(3650) });
  }

  issue(commonName: string, organisation: string, validUntilDays = 365): TestCertificate {
    return this.pki.issue({ name: `signer-${++this.count}`, subject: `/CN=${commonName}/O=${organisation}/C=VN`, key: 'ec', profile: 'signer', issuer: this.root, notBefore: stamp(-30), notAfter: stamp(validUntilDays) });
  }

  sign(content: string | Buffer, signer: TestCertificate): Buffer {
    return this.pki.sign(Buffer.from(content), signer, { outform: 'DER' });
  }

  dispose(): void {
    this.pki.remove();
  }
}

/** The smallest file that reads as a PDF: what a scanner would give, for the paper signature's scan. */
export const SCANNED_PAGE = Buffer.from('%PDF-1.4\n% trang ký giao ước, bản quét\n%%EOF\n');

/** A JSON answer of the API, as supertest parses it. */
type ApiBody = Response['body'];

/** The steps of a cluster-pact campaign up to and through its signing, over the API, as units and the secretary take them. */
export interface SigningFlow {
  /** Officers (`<slug>.canbo`) and heads (`<slug>.vientruong`) of the six units, by unit code. */
  officers: Map<string, Auth>;
  heads: Map<string, Auth>;
  headIds: Map<string, string>;
  /** A test CA trusted by the app (uploaded as a trust anchor). */
  pki: SigningPki;
  /** The open task of this stage in the person's inbox. */
  openTask(auth: Auth, campaignId: string, stageKey: string): Promise<string>;
  /** GET /api/v1/campaigns/:id as the administrator. */
  detail(campaignId: string): Promise<ApiBody>;
  /** Launch → discussion closed without amendments → version 1 adopted 6/6 → every unit registers its titles. */
  toSigning(name: string): Promise<{ campaignId: string; documentId: string; contentHash: string }>;
  /** Registers a new passkey for the unit's head. */
  registerPasskey(code: string): Promise<SoftwareAuthenticator>;
  /** The statement the unit's head must sign now on this task (JSON answer of the API). */
  statementOf(code: string, task: string): Promise<ApiBody>;
  /** The unit's head registers a passkey and signs with it: the signature answered. */
  signWithPasskey(code: string, campaignId: string): Promise<ApiBody>;
  /** The administrator registers a certificate for the head (`commonName`), who signs the statement file with it. */
  signWithCertificate(code: string, campaignId: string, commonName: string): Promise<ApiBody>;
  /** The administrator, as secretary, records the head's paper signature with its scan: awaiting the unit's confirmation. */
  recordPaper(code: string, campaignId: string, note?: string): Promise<ApiBody>;
  /** The unit's head confirms the paper signature recorded for it. */
  confirmPaper(code: string, campaignId: string): Promise<ApiBody>;
  /** The unit's head declines to sign, with a reason. */
  decline(code: string, campaignId: string, reason: string): Promise<void>;
  dispose(): void;
}

/** Signs in the heads and officers of Cluster No. 6 and makes the administrator trust a fresh test CA. */
export async function signingFlow(t: TestApp, pact: ClusterPactFixture): Promise<SigningFlow> {
  const { admin } = pact;
  const officers = new Map<string, Auth>();
  const heads = new Map<string, Auth>();
  const headIds = new Map<string, string>();
  const em = t.app.get(MikroORM).em.fork();
  for (const [slug, code] of CLUSTER_6_UNITS) {
    officers.set(code, await bearerFor(t, `${slug}.canbo`));
    heads.set(code, await bearerFor(t, `${slug}.vientruong`));
    headIds.set(code, (await em.findOneOrFail(Person, { username: `${slug}.vientruong` })).id);
  }
  const pki = new SigningPki();
  const anchors = (await t.http().post('/api/v1/signing/trust-anchors').set(admin).send({ certificate: pki.root.pem.toString('utf8') }).expect(201)).body;
  if (anchors.length !== 1) throw new Error(`expected one trust anchor, got ${anchors.length}`);

  const openTask = async (auth: Auth, campaignId: string, stageKey: string): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    if (!task) throw new Error(`no open ${stageKey} task`);
    return task.id;
  };
  const detail = async (campaignId: string) => (await t.http().get(`/api/v1/campaigns/${campaignId}`).set(admin).expect(200)).body;
  const expectStages = async (campaignId: string, stages: string[]) => {
    const active = (await detail(campaignId)).activeStages;
    if (JSON.stringify(active) !== JSON.stringify(stages)) throw new Error(`expected the stages ${stages.join(', ')}, the campaign is at ${active.join(', ')}`);
  };

  const toSigning = async (name: string) => {
    const { campaignId, documentId } = await pact.launchToDiscussion(name);
    await t.http().post(`/api/v1/tasks/${await openTask(pact.head, campaignId, 'discussion')}/commands`).set(pact.head).send({ command: 'close' }).expect(200);
    const contentHash: string = (await t.http().get(`/api/v1/documents/${documentId}`).set(admin).expect(200)).body.latest.contentHash;
    for (const [, code] of CLUSTER_6_UNITS) {
      await t.http().post(`/api/v1/tasks/${await openTask(officers.get(code)!, campaignId, 'adoption')}/ballot`).set(officers.get(code)!).send({ choice: 'agree', subjectHash: contentHash }).expect(200);
    }
    await expectStages(campaignId, ['registration']);
    for (const [, code] of CLUSTER_6_UNITS) {
      const task = await openTask(officers.get(code)!, campaignId, 'registration');
      await t.http().post(`/api/v1/tasks/${task}/form/submit`).set(officers.get(code)!).send({ data: titleRegistration2020(CLUSTER_6_UNIT_NAMES[code]) }).expect(200);
    }
    await expectStages(campaignId, ['signing']);
    return { campaignId, documentId, contentHash };
  };

  const registerPasskey = async (code: string): Promise<SoftwareAuthenticator> => {
    const authenticator = new SoftwareAuthenticator();
    const { options, ticket } = (await t.http().post('/api/v1/me/passkeys/options').set(heads.get(code)!).expect(200)).body;
    const response = authenticator.register(options);
    await t.http().post('/api/v1/me/passkeys').set(heads.get(code)!).send({ ticket, response, label: `Khóa của ${code}` }).expect(201);
    return authenticator;
  };

  const statementOf = async (code: string, task: string) => (await t.http().get(`/api/v1/tasks/${task}/signing/statement`).set(heads.get(code)!).expect(200)).body;

  const signWithPasskey = async (code: string, campaignId: string) => {
    const authenticator = await registerPasskey(code);
    const task = await openTask(heads.get(code)!, campaignId, 'signing');
    const { canonical, passkeyOptions } = await statementOf(code, task);
    return (await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'passkey', statement: canonical, response: authenticator.sign(passkeyOptions) }).expect(200)).body;
  };

  const signWithCertificate = async (code: string, campaignId: string, commonName: string) => {
    const certificate = pki.issue(commonName, CLUSTER_6_UNIT_NAMES[code]);
    await t.http().post(`/api/v1/signing/people/${headIds.get(code)}/certificates`).set(admin).send({ certificate: certificate.pem.toString('utf8') }).expect(201);
    const task = await openTask(heads.get(code)!, campaignId, 'signing');
    const file = (await t.http().get(`/api/v1/tasks/${task}/signing/statement?download=1`).set(heads.get(code)!).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
    const signature = pki.sign(file, certificate);
    return (await t.http().post(`/api/v1/tasks/${task}/signing`).set(heads.get(code)!).send({ method: 'x509', statement: file.toString('utf8'), signature: signature.toString('base64') }).expect(200)).body;
  };

  const recordPaper = async (code: string, campaignId: string, note = 'Ký tại hội nghị ngày 13/02/2020') => {
    const task = await openTask(heads.get(code)!, campaignId, 'signing');
    return (await t.http().post(`/api/v1/tasks/${task}/signing/paper`).set(admin).send({ scan: SCANNED_PAGE.toString('base64'), note }).expect(201)).body;
  };

  const confirmPaper = async (code: string, campaignId: string) => {
    const task = await openTask(heads.get(code)!, campaignId, 'signing');
    return (await t.http().post(`/api/v1/tasks/${task}/signing/paper/confirm`).set(heads.get(code)!).expect(200)).body;
  };

  const decline = async (code: string, campaignId: string, reason: string) => {
    const task = await openTask(heads.get(code)!, campaignId, 'signing');
    await t.http().post(`/api/v1/tasks/${task}/signing/decline`).set(heads.get(code)!).send({ reason }).expect(200);
  };

  return {
    officers,
    heads,
    headIds,
    pki,
    openTask,
    detail,
    toSigning,
    registerPasskey,
    statementOf,
    signWithPasskey,
    signWithCertificate,
    recordPaper,
    confirmPaper,
    decline,
    dispose: () => pki.dispose(),
  };
}
