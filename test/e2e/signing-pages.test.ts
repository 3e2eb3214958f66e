import { MikroORM } from '@mikro-orm/core';
import { Person } from '../../src/modules/org/entities/person.entity';
import { clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { pageSessions } from '../support/page-session';
import { CLUSTER_6_UNIT_NAMES, SCANNED_PAGE, SigningFlow, signingFlow } from '../support/signing-flow';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { startTestApp, TestApp } from '../support/test-app';

/** The page's data for its script (`<script type="application/json" id="signing-data">`). */
const pageDataOf = (page: string) => {
  const json = /<script type="application\/json" id="signing-data">([\s\S]*?)<\/script>/.exec(page)?.[1];
  if (!json) throw new Error('the page has no signing data');
  return JSON.parse(json) as { language: string; passkey: { statement: string; options: never } | null };
};
/** A unit's row in the table of signatures. */
const rowOf = (page: string, code: string) => new RegExp(`<tr id="signature-${code}">[\\s\\S]*?</tr>`).exec(page)?.[0];
const alertOf = (page: string) => /<p class="alert" role="alert" id="signing-error">([^<]*)<\/p>/.exec(page)?.[1];

describe('signing pages: the sign task, passkeys on the account page, X.509 and paper signatures, declines and refusals (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let flow: SigningFlow;
  let pages: ReturnType<typeof pageSessions>;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    flow = await signingFlow(t, pact);
    pages = pageSessions(t);
  });
  afterAll(async () => {
    flow?.dispose();
    await t?.close();
  });

  const fullNameOf = async (username: string) => (await t.app.get(MikroORM).em.fork().findOneOrFail(Person, { username })).fullName;
  const signPath = async (code: string, campaignId: string) => `/inbox/tasks/${await flow.openTask(flow.heads.get(code)!, campaignId, 'signing')}/sign`;

  it('shows the adopted version, the registrations and who has signed; units sign by passkey, X.509 and on paper through the pages until the pact is in force', async () => {
    const { campaignId, documentId, contentHash } = await flow.toSigning('Giao ước thi đua năm 2020 – ký trên trang');
    const tha = await signPath('VKS-THA', campaignId);

    // The inbox opens the sign task's page.
    expect(await pages.page('thanhhoa.vientruong', '/inbox')).toContain(`href="${tha}"`);
    const first = await pages.page('thanhhoa.vientruong', tha);
    expect(first).toContain('Ký giao ước: VKS-THA — Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect(first).toContain(`href="/documents/${documentId}?v=1"`);
    expect(first).toContain(`<code class="break" title="${contentHash}">${contentHash.slice(0, 16)}…</code>`);
    expect(first).toContain('0/6 đơn vị đã ký');
    // The consolidated registrations in words, with the form's labels.
    expect(first).toContain('Danh hiệu tập thể đăng ký');
    expect(first).toContain('<th scope="row">VKS-HTI — Viện kiểm sát nhân dân tỉnh Hà Tĩnh</th><td>Tập thể lao động xuất sắc</td>');
    expect(first).not.toContain('taptheLaoDongXuatSac');
    // No passkey yet: the page sends the head to the account page; the X.509 upload and the decline are there.
    expect(first).toContain('id="passkey-none"');
    expect(first).toContain('id="x509-form"');
    expect(first).toContain(`action="${tha}/decline"`);
    expect(first).not.toContain('id="record-paper-heading"');
    // An officer of the unit reads the page but may not sign.
    const officerPage = await pages.page('thanhhoa.canbo', tha);
    expect(officerPage).toContain('id="not-signer"');
    expect(officerPage).not.toContain('id="x509-form"');

    // The statement file for any signing tool.
    const file = await pages.get('thanhhoa.vientruong', `${tha}/statement`);
    expect(file.headers['content-disposition']).toContain('loi-cam-ket-ky-VKS-THA.json');
    expect(JSON.parse(file.text)).toMatchObject({ document: { contentHash }, unit: { code: 'VKS-THA' } });

    // Thanh Hóa's head registers a passkey on the account page, then signs with it on the signing page.
    const authenticator = new SoftwareAuthenticator();
    expect(await pages.page('thanhhoa.vientruong', '/account/passkeys')).toContain('id="passkeys-none"');
    const session = await pages.session('thanhhoa.vientruong');
    const start = await t.http().post('/account/passkeys/options').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken).expect(200);
    const registered = await pages.post('thanhhoa.vientruong', '/account/passkeys', { ticket: start.body.ticket, response: JSON.stringify(authenticator.register(start.body.options)), label: 'Khóa USB của Viện trưởng' }, 303);
    expect(registered.headers.location).toMatch(/^\/account\/passkeys\?flash=registered/);
    expect(await pages.page('thanhhoa.vientruong', registered.headers.location)).toContain('Đã đăng ký khóa truy cập “Khóa USB của Viện trưởng”.');
    const withPasskey = await pages.page('thanhhoa.vientruong', tha);
    expect(withPasskey).toContain('id="passkey-sign"');
    const { passkey } = pageDataOf(withPasskey);
    const signed = await pages.post('thanhhoa.vientruong', `${tha}/passkey`, { statement: passkey!.statement, response: JSON.stringify(authenticator.sign(passkey!.options)) }, 303);
    const afterPasskey = await pages.page('thanhhoa.vientruong', signed.headers.location);
    expect(afterPasskey).toMatch(/Đã ký cho VKS-THA\. Mã băm lời cam kết: [0-9a-f]{16}\./);
    expect(afterPasskey).toContain('1/6 đơn vị đã ký');
    const row = rowOf(afterPasskey, 'VKS-THA');
    expect(row).toContain('<td>Đã ký</td>');
    expect(row).toContain('Khóa truy cập');
    expect(row).toContain(`<td>${await fullNameOf('thanhhoa.vientruong')}</td>`);
    expect(afterPasskey).not.toContain('id="x509-form"');

    // Hà Tĩnh's head signs the downloaded statement with a certificate and uploads both files; a CMS over another text is refused first.
    const hti = await signPath('VKS-HTI', campaignId);
    const certificate = flow.pki.issue('Nguyễn Văn Hà', CLUSTER_6_UNIT_NAMES['VKS-HTI']);
    await t.http().post(`/api/v1/signing/people/${flow.headIds.get('VKS-HTI')}/certificates`).set(pact.admin).send({ certificate: certificate.pem.toString('utf8') }).expect(201);
    const statement = (await pages.get('hatinh.vientruong', `${hti}/statement`)).text;
    const forged = await pages.post('hatinh.vientruong', `${hti}/x509`, { statement, signature: flow.pki.sign(statement.replace('VKS-HTI', 'VKS-HTJ'), certificate).toString('base64') }, 422);
    expect(alertOf(forged.text)).toMatch(/^Chữ ký không hợp lệ: /);
    const forgedEn = await pages.post('hatinh.vientruong', `${hti}/x509`, { statement, signature: flow.pki.sign(statement.replace('VKS-HTI', 'VKS-HTJ'), certificate).toString('base64') }, 422, 'en');
    expect(alertOf(forgedEn.text)).toMatch(/^The signature is not valid: /);
    // The reasons in English too, not the Vietnamese ones inside an English sentence.
    expect(alertOf(forgedEn.text)).not.toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
    await pages.post('hatinh.vientruong', `${hti}/x509`, { statement, signature: flow.pki.sign(statement, certificate).toString('base64') }, 303);
    const afterX509 = await pages.page('hatinh.vientruong', hti);
    expect(afterX509).toContain('2/6 đơn vị đã ký');
    expect(afterX509).toContain('Chữ ký số (X.509)');
    expect(afterX509).toContain('Nguyễn Văn Hà');

    // Quảng Trị signed on paper: only a secretary or an administrator records it; the scan must be a scan; the unit confirms.
    const qtr = await signPath('VKS-QTR', campaignId);
    expect(await pages.page('admin', qtr)).toContain('id="record-paper-heading"');
    const notSecretary = await pages.post('hatinh.vientruong', `${qtr}/paper`, { scan: SCANNED_PAGE.toString('base64'), note: '' }, 403);
    expect(alertOf(notSecretary.text)).toBeDefined();
    const badScan = await pages.post('admin', `${qtr}/paper`, { scan: Buffer.from('không phải bản quét').toString('base64'), note: 'Ký tại hội nghị' }, 422);
    expect(alertOf(badScan.text)).toBe('Bản quét phải là tệp PDF, PNG hoặc JPEG.');
    expect(badScan.text).toContain('>Ký tại hội nghị</textarea>');
    expect(alertOf((await pages.post('admin', `${qtr}/paper`, { scan: Buffer.from('not a scan').toString('base64'), note: '' }, 422, 'en')).text)).toBe('The scan must be a PDF, PNG or JPEG file.');
    await pages.post('admin', `${qtr}/paper`, { scan: SCANNED_PAGE.toString('base64'), signedAt: '2020-02-13T09:30', note: 'Ký tại hội nghị ngày 13/02/2020' }, 303);
    const pending = await pages.page('quangtri.vientruong', qtr);
    expect(pending).toContain('id="paper-pending"');
    expect(pending).toContain('13/02/2020 09:30');
    expect(pending).toContain('Ký trên giấy, chờ đơn vị xác nhận');
    expect(pending).toContain('2/6 đơn vị đã ký');
    const confirmed = await pages.post('quangtri.vientruong', `${qtr}/paper/confirm`, {}, 303);
    expect(await pages.page('quangtri.vientruong', confirmed.headers.location)).toContain('Đơn vị đã xác nhận chữ ký trên giấy.');

    // The other three through the API; the page then says the pact is in force, in Vietnamese and in English.
    await flow.signWithPasskey('VKS-NAN', campaignId);
    await flow.signWithPasskey('VKS-TTH', campaignId);
    await flow.signWithCertificate('VKS-QBI', campaignId, 'Trần Thị Bình');
    const done = await pages.page('thanhhoa.canbo', tha);
    expect(done).toContain('6/6 đơn vị đã ký');
    expect(done).toMatch(/id="in-force">Giao ước có hiệu lực từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./);
    const english = (await pages.get('thanhhoa.canbo', tha, 200, 'en')).text;
    expect(english).toContain('6/6 units have signed');
    expect(english).toContain('The pact is in force since');
    expect((await flow.detail(campaignId)).status).toBe('completed');
  });

  it('a decline needs a reason and sends the pact back to discussion; refusals speak the page language', async () => {
    const { campaignId } = await flow.toSigning('Giao ước thi đua năm 2020 – từ chối trên trang');
    const qbi = await signPath('VKS-QBI', campaignId);

    // An officer cannot decline for the unit; an empty reason is refused, in each language.
    const officer = await pages.post('quangbinh.canbo', `${qbi}/decline`, { reason: 'Không đồng ý' }, 403);
    expect(alertOf(officer.text)).toMatch(/^Chỉ thủ trưởng đơn vị( hoặc cấp phó)? mới được ký thay mặt đơn vị; ủy quyền của bạn là “cán bộ”\.$/);
    expect(alertOf((await pages.post('quangbinh.vientruong', `${qbi}/decline`, { reason: '  ' }, 422)).text)).toBe('Vui lòng ghi rõ lý do.');
    expect(alertOf((await pages.post('quangbinh.vientruong', `${qbi}/decline`, { reason: '' }, 422, 'en')).text)).toBe('Please give a reason.');
    // A passkey answer that is not one, and an X.509 form without its files.
    expect(alertOf((await pages.post('quangbinh.vientruong', `${qbi}/passkey`, { statement: '{}', response: 'not json' }, 400)).text)).toBe('Dữ liệu không hợp lệ: Lời cam kết ký, phản hồi của khóa truy cập.');
    expect(alertOf((await pages.post('quangbinh.vientruong', `${qbi}/x509`, { statement: '', signature: '' }, 400, 'en')).text)).toBe('Invalid data: The statement file you signed (.json), The signature file (.p7s).');
    // Confirming a paper signature nobody recorded.
    expect(alertOf((await pages.post('quangbinh.vientruong', `${qbi}/paper/confirm`, {}, 404)).text)).toBe('Chưa có chữ ký trên giấy nào của đơn vị chờ xác nhận.');

    const declined = await pages.post('quangbinh.vientruong', `${qbi}/decline`, { reason: 'Điều 3 chưa phản ánh chỉ tiêu của đơn vị.' }, 303);
    const after = await pages.page('quangbinh.vientruong', declined.headers.location);
    expect(after).toContain('Đã ghi nhận việc từ chối ký.');
    expect(after).toContain('id="declined-notice"');
    expect(after).toContain('Từ chối ký: Điều 3 chưa phản ánh chỉ tiêu của đơn vị.');
    expect(after).not.toContain('id="x509-form"');
    expect((await flow.detail(campaignId)).activeStages).toEqual(['discussion']);

    // Signing after the decline is refused with the catalog's message.
    const late = await pages.post('quangbinh.vientruong', `${qbi}/decline`, { reason: 'Lần nữa' }, 409);
    expect(alertOf(late.text)).toBeDefined();
  });
});
