import { MikroORM } from '@mikro-orm/core';
import { Person } from '../../src/modules/org/entities/person.entity';
import { escapeHtml } from '../../src/modules/web/html';
import { Auth, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { pageSessions } from '../support/page-session';
import { pdfText } from '../support/pdf-text';
import { SigningFlow, signingFlow } from '../support/signing-flow';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** The signing block of a page: from its section to the section's end (it holds no nested section). */
const signingBlock = (page: string): string => {
  const start = page.indexOf('<section class="pact-signing"');
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</section>', start));
};

/** One unit's line in the signing block. */
const unitLine = (block: string, code: string): string => {
  const start = block.indexOf(`<li><strong>${code} — `);
  expect(start).toBeGreaterThan(-1);
  return block.slice(start, block.indexOf('</li>', start));
};

/** A PDF's text as a reader copies it, lines joined by spaces. */
const textOf = (pdf: Buffer) => pdfText(pdf).join(' ').replace(/\s+/g, ' ');

describe('signing progress on the campaign and document pages, and the signed pact as PDF (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let admin: Auth;
  let flow: SigningFlow;
  let pages: ReturnType<typeof pageSessions>;
  const signers = new Map<string, { fullName: string; position: string | null }>();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    ({ admin } = pact);
    flow = await signingFlow(t, pact);
    pages = pageSessions(t);
    const em = t.app.get(MikroORM).em.fork();
    for (const [code, id] of flow.headIds) {
      const person = await em.findOneOrFail(Person, id);
      signers.set(code, { fullName: person.fullName, position: person.position });
    }
  });
  afterAll(async () => {
    flow?.dispose();
    await t?.close();
  });

  const page = async (path: string, language: 'vi' | 'en') => (await pages.get('hatinh.canbo', path, 200, language)).text;
  const signerText = (code: string) => {
    const { fullName, position } = signers.get(code)!;
    return escapeHtml(position ? `${fullName} (${position})` : fullName);
  };
  const pdf = async (documentId: string, language: 'vi' | 'en') =>
    (await t.http().get(`/api/v1/documents/${documentId}/versions/1/pdf?lang=${language}`).set(admin).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;

  it('shows 4/6 signed mid-signing with each unit’s state, then 6/6 and the pact in force, in Vietnamese and English; the PDF follows', async () => {
    const { campaignId, documentId } = await flow.toSigning('Giao ước thi đua năm 2020 – tiến độ ký');
    const thaTask = await flow.openTask(flow.heads.get('VKS-THA')!, campaignId, 'signing');
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-TTH']) await flow.signWithPasskey(code, campaignId);
    const hti = await flow.signWithCertificate('VKS-HTI', campaignId, 'Nguyễn Văn Hà');
    await flow.recordPaper('VKS-QTR', campaignId);

    // Mid-signing: four valid signatures; Quảng Trị's paper one awaits the unit; Quảng Bình has not signed.
    for (const path of [`/campaigns/${campaignId}`, `/documents/${documentId}`]) {
      const vi = signingBlock(await page(path, 'vi'));
      expect(vi).toContain('4/6 đơn vị đã ký');
      expect(vi).toContain('Giao ước chưa có hiệu lực: các đơn vị đang ký.');
      expect(vi).not.toContain('Giao ước có hiệu lực từ');
      const tha = unitLine(vi, 'VKS-THA');
      expect(tha).toContain('Đã ký');
      expect(tha).toContain(`người ký ${signerText('VKS-THA')}`);
      expect(tha).toContain('Khóa truy cập');
      expect(tha).toMatch(/<time datetime="[^"]+">\d\d\/\d\d\/\d{4} \d\d:\d\d<\/time>/);
      expect(unitLine(vi, 'VKS-HTI')).toContain(`Chữ ký số · <time datetime="${hti.signedAt}">`);
      expect(unitLine(vi, 'VKS-QTR')).toContain('Chữ ký trên giấy chờ đơn vị xác nhận');
      expect(unitLine(vi, 'VKS-QTR')).toContain('Ký trên giấy tại hội nghị');
      expect(unitLine(vi, 'VKS-QBI')).toContain('Chưa ký');
      expect(unitLine(vi, 'VKS-QBI')).not.toContain('Đã ký');

      const en = signingBlock(await page(path, 'en'));
      expect(en).toContain('Signing of the pact');
      expect(en).toContain('4/6 units have signed');
      expect(en).toContain('The pact is not in force yet');
      expect(unitLine(en, 'VKS-NAN')).toContain('Passkey');
      expect(unitLine(en, 'VKS-HTI')).toContain('Digital signature (X.509)');
      expect(unitLine(en, 'VKS-QTR')).toContain('Paper signature awaiting the unit’s confirmation');
      expect(unitLine(en, 'VKS-QBI')).toContain('Not signed yet');
    }
    // The campaign's timeline counts signatures, not done tasks.
    expect(await page(`/campaigns/${campaignId}`, 'vi')).toMatch(/<span id="progress-[^"]+-text">4\/6 đơn vị đã ký<\/span>/);

    const midway = textOf(await pdf(documentId, 'vi'));
    expect(midway).toContain('Chữ ký của các đơn vị');
    expect(midway).toContain('Giao ước chưa có hiệu lực: các đơn vị đang ký.');
    expect(midway).toContain(`(VKS-HTI) ${signers.get('VKS-HTI')!.fullName}`);
    expect(midway).toContain(`Chữ ký số`);
    expect(midway).toMatch(/Chứng thư số: [^(]*CN=Nguyễn Văn Hà/);
    expect(midway).toContain(hti.statementHash.slice(0, 16));
    expect(midway).toContain('Ký trên giấy tại hội nghị (chờ đơn vị xác nhận)');
    expect(midway).not.toContain('(VKS-QBI)');

    // Quảng Bình signs, Quảng Trị confirms: in force.
    await flow.signWithCertificate('VKS-QBI', campaignId, 'Trần Thị Bình');
    await flow.confirmPaper('VKS-QTR', campaignId);
    const { inForceAt } = (await t.http().get(`/api/v1/tasks/${thaTask}/signing`).set(admin).expect(200)).body;
    expect(inForceAt).toEqual(expect.any(String));

    for (const path of [`/campaigns/${campaignId}`, `/documents/${documentId}`]) {
      const vi = signingBlock(await page(path, 'vi'));
      expect(vi).toContain('6/6 đơn vị đã ký');
      expect(vi).toContain(`Giao ước có hiệu lực từ <time datetime="${inForceAt}">`);
      expect(unitLine(vi, 'VKS-QTR')).toContain('Đã ký');
      expect(vi).not.toContain('Chưa ký');
      const en = signingBlock(await page(path, 'en'));
      expect(en).toContain('6/6 units have signed');
      expect(en).toContain(`The pact is in force since <time datetime="${inForceAt}">`);
    }
    // The campaign's facts say it too, at the top.
    const campaignPage = await page(`/campaigns/${campaignId}`, 'vi');
    expect(campaignPage.indexOf('Giao ước có hiệu lực từ')).toBeLessThan(campaignPage.indexOf('id="timeline-heading"'));

    const [signedVi, again, signedEn] = [await pdf(documentId, 'vi'), await pdf(documentId, 'vi'), await pdf(documentId, 'en')];
    expect(signedVi.equals(again)).toBe(true);
    const text = textOf(signedVi);
    expect(text).toMatch(/Giao ước có hiệu lực từ \d\d\/\d\d\/\d{4} \d\d:\d\d \(giờ Việt Nam\)\./);
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI', 'VKS-QTR', 'VKS-TTH']) expect(text).toContain(`(${code})`);
    expect(text).toMatch(/Chứng thư số: [^(]*O=Viện kiểm sát nhân dân tỉnh Quảng Bình,CN=Trần Thị Bình/);
    expect(text).not.toContain('chờ đơn vị xác nhận');
    expect(textOf(signedEn)).toMatch(/The pact is in force since \d{4}-\d\d-\d\d \d\d:\d\d \(Vietnam time\)\./);
  });

  it('shows a decline with its reason, and the signing stopped', async () => {
    const { campaignId, documentId } = await flow.toSigning('Giao ước thi đua năm 2020 – từ chối ký trên trang');
    await flow.signWithPasskey('VKS-THA', campaignId);
    const reason = 'Điều 3 chưa phản ánh chỉ tiêu của đơn vị <Quảng Bình>.';
    await flow.decline('VKS-QBI', campaignId, reason);

    for (const path of [`/campaigns/${campaignId}`, `/documents/${documentId}`]) {
      const vi = signingBlock(await page(path, 'vi'));
      expect(vi).toContain('1/6 đơn vị đã ký');
      expect(vi).toContain('Việc ký kết dừng lại: có đơn vị từ chối ký.');
      const qbi = unitLine(vi, 'VKS-QBI');
      expect(qbi).toContain('Từ chối ký');
      expect(qbi).toContain(escapeHtml(`Lý do: ${reason}`));
      expect(unitLine(vi, 'VKS-HTI')).toContain('Chưa ký');
      const en = signingBlock(await page(path, 'en'));
      expect(en).toContain('The signing stopped: a unit declined to sign.');
      expect(unitLine(en, 'VKS-QBI')).toContain('Declined to sign');
      expect(unitLine(en, 'VKS-QBI')).toContain(escapeHtml(`Reason: ${reason}`));
    }
    const text = textOf(await pdf(documentId, 'vi'));
    expect(text).toContain('Giao ước chưa có hiệu lực: một đơn vị đã từ chối ký.');
    expect(text).toContain('(VKS-THA)');
  });
});
