import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Clock } from '../../src/modules/calendar/clock';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { escapeHtml } from '../../src/modules/web/html';
import { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { RecoverySweeper } from '../../src/workflows/engine/recovery-sweeper.service';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';
import { pageSessions } from '../support/page-session';

jest.setTimeout(60_000);

type Auth = { Authorization: string };
interface ApiTask {
  id: string;
  stageKey: string;
  iteration: number;
  unitCode: string | null;
  dueAt: string | null;
  status: string;
}


/** dd/mm/yyyy HH:mm on Vietnam's clock (UTC+7), computed independently of the page code. */
const vietnamTime = (iso: string): string => {
  const wall = new Date(Date.parse(iso) + 7 * 3600 * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(wall.getUTCDate())}/${two(wall.getUTCMonth() + 1)}/${wall.getUTCFullYear()} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
};

describe('workflow pages: inbox, commands, campaigns, workflow versions (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let clusterId: string;
  let pages: ReturnType<typeof pageSessions>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    pages = pageSessions(t);
    clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
  });
  afterAll(() => t?.close());

  const page = (username: string, path: string, status = 200, language?: 'en') => pages.get(username, path, status, language);
  const post = (username: string, taskId: string, form: Record<string, string>, status: number, language?: 'en') =>
    pages.post(username, `/inbox/tasks/${taskId}/commands`, form, status, language);

  const launch = async (key: string, options: { name?: string; document?: WorkflowDocument } = {}) => {
    const version = await publishedVersion(t, key, options.document ?? fourStageDocument());
    const response = await t
      .http()
      .post('/api/v1/campaigns')
      .set(admin)
      .send({ workflowVersionId: version.id, name: options.name ?? `Giao ước 2020 (${key})`, year: 2020, clusterId })
      .expect(201);
    return { id: response.body.id as string, versionId: version.id, name: response.body.name as string };
  };
  const tasksOf = async (username: string, campaignId: string, status: 'open' | 'done' | 'all' = 'open'): Promise<ApiTask[]> => {
    const auth = await bearerFor(t, username);
    return (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}&status=${status}`).set(auth).expect(200)).body.tasks;
  };

  it('sends a visitor without a session to sign in, and back to the page asked for', async () => {
    expect((await t.http().get('/inbox').expect(303)).headers.location).toBe('/sign-in?next=%2Finbox');
    const id = randomUUID();
    expect((await t.http().get(`/campaigns/${id}`).expect(303)).headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/campaigns/${id}`)}`);
    expect((await t.http().get(`/workflow-versions/${id}`).expect(303)).headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/workflow-versions/${id}`)}`);
    // A form posted after the session ended comes back to the inbox, not to the command's address.
    const posted = await t.http().post(`/inbox/tasks/${id}/commands`).type('form').send({ command: 'approve' }).expect(303);
    expect(posted.headers.location).toBe('/sign-in?next=%2Finbox');
  });

  it("shows the cluster head's inbox with counts, the task, its unit and the command forms, in Vietnamese and English", async () => {
    const campaign = await launch('pages-inbox');
    const [review] = await tasksOf('thanhhoa.vientruong', campaign.id);

    const response = await page('thanhhoa.vientruong', '/inbox');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).not.toContain('<script');
    expect(response.text).toContain('<html lang="vi">');
    expect(response.text).toContain('<title>Việc cần làm · thidua — Thi đua khen thưởng</title>');
    expect(response.text).toMatch(/<nav class="primary" aria-label="Điều hướng chính"><ul><li><a href="\/inbox" aria-current="page">Việc cần làm<\/a><\/li><li><a href="\/inbox\/submissions">Biểu mẫu đã nộp<\/a><\/li><li><a href="\/campaigns">Đợt thi đua<\/a><\/li><li><a href="\/account\/passkeys">Khóa truy cập<\/a><\/li><li><a href="\/commendations">Khen thưởng<\/a><\/li><li><a href="\/commendations\/eligibility">Điều kiện khen thưởng<\/a><\/li><li><a href="\/commendations\/initiatives">Sáng kiến<\/a><\/li><li><a href="\/commendations\/examples">Điển hình tiên tiến<\/a><\/li><li><a href="\/commendations\/consultations">Công khai lấy ý kiến<\/a><\/li><li><a href="\/account\/mail">Nhận thông báo qua thư<\/a><\/li><li><a href="\/unit-campaigns\/new">Đề nghị của đơn vị<\/a><\/li><\/ul><\/nav>/);
    expect(response.text).toMatch(/<p class="lead" id="inbox-counts">\d+ việc cần làm<\/p>/);

    const card = response.text.slice(response.text.indexOf(`id="task-${review.id}"`), response.text.indexOf('</article>', response.text.indexOf(`id="task-${review.id}"`)));
    expect(card).toContain(`<h3 id="task-${review.id}-title">Cụm trưởng duyệt dự thảo</h3>`);
    expect(card).toContain(`<a href="/campaigns/${campaign.id}">${campaign.name}</a>`);
    expect(card).toContain('<dd>VKS-THA — Viện kiểm sát nhân dân tỉnh Thanh Hóa</dd>');
    expect(card).toContain('Không có hạn');
    expect(card).not.toContain('Trễ hạn');
    expect(card).toContain(`<form method="post" action="/inbox/tasks/${review.id}/commands">`);
    expect(card).toContain('<input type="hidden" name="command" value="approve">');
    expect(card).toMatch(/<button type="submit" aria-describedby="task-[0-9a-f-]+-title">Duyệt<\/button>/);
    expect(card).toContain(`<label for="reason-${review.id}">Lý do trả lại (bắt buộc)</label>`);
    expect(card).toMatch(new RegExp(`<textarea id="reason-${review.id}" name="comment" rows="2" maxlength="5000" required></textarea>`));
    expect(card).toMatch(/<button type="submit" class="secondary" aria-describedby="task-[0-9a-f-]+-title">Trả lại<\/button>/);
    expect(card).not.toContain('value="acknowledge"');

    const english = await page('thanhhoa.vientruong', '/inbox?lang=en');
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toMatch(/<p class="lead" id="inbox-counts">\d+ tasks? to do<\/p>/);
    expect(english.text).toContain('>Approve</button>');
    expect(english.text).toContain('>Return</button>');
    expect(english.text).toContain('Reason for returning (required)');
    expect(english.text).toContain('<a href="/inbox" aria-current="page">My tasks</a>');

    // The home page of the shell links to the inbox too.
    const home = await page('thanhhoa.vientruong', '/');
    expect(home.text).toContain('<a href="/inbox">Việc cần làm</a>');
    // A person without mandates has an empty inbox, said in words.
    const empty = await page('admin', '/inbox');
    expect(empty.text).toContain('<p class="lead" id="inbox-counts">0 việc cần làm</p>');
    expect(empty.text).toContain('Không có việc nào cần làm.');
  });

  it('approves through the form: 303 back with a confirmation, the next stage in the inbox with its due date', async () => {
    const campaign = await launch('pages-approve');
    const [review] = await tasksOf('thanhhoa.vientruong', campaign.id);

    const approved = await post('thanhhoa.vientruong', review.id, { command: 'approve' }, 303);
    expect(approved.headers.location).toBe('/inbox?flash=approved');
    expect((await tasksOf('thanhhoa.vientruong', campaign.id, 'done')).map((task) => task.id)).toContain(review.id);

    const inbox = await page('thanhhoa.vientruong', approved.headers.location);
    expect(inbox.text).toContain('<p class="flash" role="status" id="inbox-flash">Đã duyệt. Bước tiếp theo đã được giao.</p>');
    // The head also holds VKS-THA's mandate, so the unit's acknowledge task is now theirs to do.
    const [ack] = await tasksOf('thanhhoa.vientruong', campaign.id);
    expect(ack.stageKey).toBe('acknowledge');
    const card = inbox.text.slice(inbox.text.indexOf(`id="task-${ack.id}"`), inbox.text.indexOf('</article>', inbox.text.indexOf(`id="task-${ack.id}"`)));
    expect(card).toContain('Các đơn vị xác nhận');
    expect(card).toContain(`<time datetime="${ack.dueAt}">${vietnamTime(ack.dueAt!)}</time>`);
    expect(card).toContain('<input type="hidden" name="command" value="acknowledge">');
    expect(card).toContain('>Xác nhận</button>');
    expect(card).not.toContain('<textarea');
    // Done: the review, with its result, in the table under the open tasks.
    const done = inbox.text.slice(inbox.text.indexOf('id="done-heading"'));
    expect(done).toMatch(new RegExp(`<td><a href="/campaigns/${campaign.id}">[^<]+</a></td>\\s*<td>Cụm trưởng duyệt dự thảo</td>\\s*<td>VKS-THA — [^<]+</td>\\s*<td><span class="muted">Không có hạn</span></td>\\s*<td>Đã duyệt</td>`));

    // A flash code that is not one of ours shows nothing.
    const forged = await page('thanhhoa.vientruong', '/inbox?flash=%3Cscript%3E');
    expect(forged.text).not.toContain('id="inbox-flash"');
    expect(forged.text).not.toContain('<script');
    // The language links of the inbox point at the inbox itself.
    expect(forged.text).toContain('href="/inbox?lang=en"');
  });

  it('re-shows the inbox with the reason required when a return has none, then returns with one', async () => {
    const campaign = await launch('pages-return');
    const [review] = await tasksOf('thanhhoa.vientruong', campaign.id);

    const refused = await post('thanhhoa.vientruong', review.id, { command: 'return' }, 422);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.text).toContain('<p class="alert" role="alert" id="command-error">Vui lòng ghi rõ lý do.</p>');
    expect(refused.text).toContain(`<textarea id="reason-${review.id}" name="comment" rows="2" maxlength="5000" required aria-invalid="true" aria-describedby="command-error" autofocus></textarea>`);
    // The page it answers with is the inbox: its language links and navigation point there.
    expect(refused.text).toContain('href="/inbox?lang=en"');
    expect(refused.text).toContain('<a href="/inbox" aria-current="page">');
    const whitespace = await post('thanhhoa.vientruong', review.id, { command: 'return', comment: '   ' }, 422, 'en');
    expect(whitespace.text).toContain('<p class="alert" role="alert" id="command-error">Please give a reason.</p>');
    expect(whitespace.text).toContain('aria-invalid="true" aria-describedby="command-error" autofocus>   </textarea>');
    expect((await tasksOf('thanhhoa.vientruong', campaign.id))[0]).toMatchObject({ id: review.id, status: 'open' });

    const reason = 'Bổ sung <b>chỉ tiêu</b> & "nông thôn mới"';
    const returned = await post('thanhhoa.vientruong', review.id, { command: 'return', comment: reason }, 303);
    expect(returned.headers.location).toBe('/inbox?flash=returned');
    const inbox = await page('thanhhoa.vientruong', returned.headers.location);
    expect(inbox.text).toContain('Đã trả lại kèm lý do.');
    const [second] = await tasksOf('thanhhoa.vientruong', campaign.id);
    expect(second).toMatchObject({ stageKey: 'draft-review', iteration: 2 });
    expect(inbox.text).toContain(`<h3 id="task-${second.id}-title">Cụm trưởng duyệt dự thảo <span class="muted">(lần 2)</span></h3>`);
    expect(inbox.text).toContain('<td>Trả lại<br><span class="muted">Ý kiến: Bổ sung &lt;b&gt;chỉ tiêu&lt;/b&gt; &amp; &quot;nông thôn mới&quot;</span></td>');

    // A command the stage does not know is refused in the page, with the stage's word for it.
    const unknown = await post('thanhhoa.vientruong', second.id, { command: 'acknowledge' }, 400);
    expect(unknown.text).toContain('Thao tác &quot;Xác nhận&quot; không áp dụng cho bước này.');
    // Fields the form does not have are refused as on every page.
    await post('thanhhoa.vientruong', second.id, { command: 'approve', actingFor: 'VKS-NAN' }, 400);
  });

  it("refuses another unit's officer with the localized reason and changes nothing; an officer acknowledges their own unit's task", async () => {
    const campaign = await launch('pages-refuse');
    const [review] = await tasksOf('thanhhoa.vientruong', campaign.id);

    const refused = await post('nghean.canbo', review.id, { command: 'approve' }, 403);
    expect(refused.text).toContain('<p class="alert" role="alert" id="command-error">Bạn không có ủy quyền hợp lệ để hành động thay mặt đơn vị Viện kiểm sát nhân dân tỉnh Thanh Hóa.</p>');
    const english = await post('nghean.canbo', review.id, { command: 'approve' }, 403, 'en');
    expect(english.text).toContain('You hold no valid mandate to act for unit Viện kiểm sát nhân dân tỉnh Thanh Hóa.');
    expect((await tasksOf('thanhhoa.vientruong', campaign.id))[0]).toMatchObject({ id: review.id, status: 'open' });
    // Done tasks and unknown tasks are refused the same way, in the page.
    const unknown = await post('nghean.canbo', randomUUID(), { command: 'approve' }, 404);
    expect(unknown.text).toMatch(/<p class="alert" role="alert" id="command-error">Không tìm thấy nhiệm vụ [0-9a-f-]+\.<\/p>/);
    await post('nghean.canbo', 'not-a-uuid', { command: 'approve' }, 400);

    await post('thanhhoa.vientruong', review.id, { command: 'approve' }, 303);
    const again = await post('thanhhoa.vientruong', review.id, { command: 'approve' }, 409);
    expect(again.text).toContain('Bước &quot;Cụm trưởng duyệt dự thảo&quot; đã kết thúc.');

    const [ack] = await tasksOf('nghean.canbo', campaign.id);
    const acknowledged = await post('nghean.canbo', ack.id, { command: 'acknowledge' }, 303);
    expect(acknowledged.headers.location).toBe('/inbox?flash=acknowledged');
    expect((await page('nghean.canbo', acknowledged.headers.location)).text).toContain('Đã xác nhận.');
    const campaignPage = await page('nghean.canbo', `/campaigns/${campaign.id}`);
    expect(campaignPage.text).toContain('1/6 xong');
  });

  it('shows a campaign: facts, the timeline done / current with progress / next, and the history check', async () => {
    const campaign = await launch('pages-campaign');
    const [review] = await tasksOf('thanhhoa.vientruong', campaign.id);
    await post('thanhhoa.vientruong', review.id, { command: 'approve' }, 303);
    for (const username of ['hatinh.canbo', 'quangbinh.canbo']) {
      const [ack] = await tasksOf(username, campaign.id);
      await post(username, ack.id, { command: 'acknowledge' }, 303);
    }
    const [ack] = await tasksOf('nghean.canbo', campaign.id);

    const response = await page('nghean.canbo', `/campaigns/${campaign.id}`);
    expect(response.text).toContain(`<title>${campaign.name} · thidua — Thi đua khen thưởng</title>`);
    expect(response.text).toContain(`<h1>${campaign.name}</h1>`);
    expect(response.text).toContain('<a href="/campaigns" aria-current="true">Đợt thi đua</a>');
    expect(response.text).toContain('<dd><span class="badge badge-running">Đang diễn ra</span></dd>');
    expect(response.text).toContain('<dd>Cụm thi đua số 6 (năm 2020)</dd>');
    expect(response.text).toContain('<dd>Giao ước thử nghiệm <span class="muted">(pages-campaign, phiên bản 1)</span></dd>');
    expect(response.text).not.toContain('/workflow-versions/');

    const timeline = response.text.slice(response.text.indexOf('<ol class="timeline">'), response.text.indexOf('</ol>'));
    const items = timeline.split('<li class="').slice(1).map((item) => item.slice(0, item.indexOf('"')));
    expect(items).toEqual(['is-done', 'is-current', 'is-next']);
    expect(timeline).toMatch(/<li class="is-done">\s*<span class="phase">Đã xong<\/span>\s*<h3>Cụm trưởng duyệt dự thảo<\/h3>\s*<p>Kết quả: <strong>Đã duyệt<\/strong> · Xong lúc: <time datetime="[^"]+">\d\d\/\d\d\/\d{4} \d\d:\d\d<\/time> · 1\/1 xong<\/p>/);
    expect(timeline).toMatch(/<li class="is-current" aria-current="step">\s*<span class="phase">Đang thực hiện<\/span>\s*<h3>Các đơn vị xác nhận<\/h3>/);
    expect(timeline).toMatch(/<progress id="progress-[0-9a-f-]+" max="6" value="2" aria-labelledby="progress-[0-9a-f-]+-label progress-[0-9a-f-]+-text">2\/6<\/progress>/);
    expect(timeline).toMatch(/<span id="progress-[0-9a-f-]+-text">2\/6 xong<\/span>/);
    expect(timeline).toContain(`<p>Hạn: <time datetime="${ack.dueAt}">${vietnamTime(ack.dueAt!)}</time></p>`);
    // The acknowledge stage goes on to the cool-off (which has no name, so its key shows) on both of its outcomes.
    expect(timeline).toMatch(/<li class="is-next">\s*<span class="phase">Tiếp theo<\/span>\s*<h3>cool-off<\/h3>\s*<ul class="routes"><li>khi <strong>Đã xác nhận<\/strong><\/li><li>khi <strong>Hết hạn<\/strong><\/li><\/ul>/);

    expect(response.text).toMatch(/<p class="verdict-ok" id="chain-verdict">Chuỗi lịch sử toàn vẹn: \d+ sự kiện, mã băm cuối [0-9a-f]{12}…<\/p>/);
    expect(response.text).toContain(`<a href="/campaigns/${campaign.id}/history">Xem toàn bộ lịch sử (`);

    const english = await page('nghean.canbo', `/campaigns/${campaign.id}`, 200, 'en');
    expect(english.text).toContain('<span class="badge badge-running">Running</span>');
    expect(english.text).toContain('2/6 done');
    expect(english.text).toContain('<dd>Test pact <span class="muted">(pages-campaign, version 1)</span></dd>');
    expect(english.text).toContain('when <strong>Acknowledged</strong>');
    expect(english.text).toMatch(/The history chain is intact: \d+ events/);

    // Administrators get a link to the pinned version.
    const asAdmin = await page('admin', `/campaigns/${campaign.id}`);
    expect(asAdmin.text).toContain(`<a href="/workflow-versions/${campaign.versionId}">pages-campaign, phiên bản 1</a>`);

    // The history page: every event in order, with the actor acting for their unit.
    const history = await page('nghean.canbo', `/campaigns/${campaign.id}/history`);
    expect(history.text).toContain(`<h1 id="history-title">Lịch sử: ${campaign.name}</h1>`);
    expect(history.text).toContain('<td>Khởi động đợt thi đua</td>');
    expect(history.text).toContain('<td>Quản trị hệ thống</td>');
    expect(history.text).toContain('<td>Võ Thị Hằng, thay mặt VKS-HTI</td>');
    expect(history.text).toMatch(/<td>Hoàn thành nhiệm vụ<br><span class="muted">Các đơn vị xác nhận · Đã xác nhận<\/span><\/td>/);

    // Tampering shows on both pages: the first broken event and why.
    const em = t.app.get(MikroORM).em.fork();
    const event = await em.findOneOrFail(CampaignEvent, { campaign: campaign.id, seq: 2 });
    await em.nativeUpdate(CampaignEvent, { id: event.id }, { data: { ...event.data, stage: 'forged' } });
    const tampered = await page('nghean.canbo', `/campaigns/${campaign.id}`);
    expect(tampered.text).toContain('<p class="alert" id="chain-verdict">Chuỗi lịch sử bị phá vỡ tại sự kiện số 2: nội dung đã bị thay đổi.</p>');
    const tamperedHistory = await page('nghean.canbo', `/campaigns/${campaign.id}/history`, 200, 'en');
    expect(tamperedHistory.text).toContain('The history chain is broken at event 2: its content was changed.');
    expect(tamperedHistory.text).toContain('<tr class="is-broken">');
  });

  it('answers an unknown campaign with a 404 page and a malformed id with a 400 page', async () => {
    const missing = await page('nghean.canbo', `/campaigns/${randomUUID()}`, 404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.text).toMatch(/Không tìm thấy đợt thi đua [0-9a-f-]+\./);
    await page('nghean.canbo', '/campaigns/not-a-uuid', 400);
    await page('nghean.canbo', `/campaigns/${randomUUID()}/history`, 404);
  });

  it('lists campaigns with their status and current stages, filtered by status', async () => {
    const campaign = await launch('pages-list');
    const list = await page('hatinh.canbo', '/campaigns');
    expect(list.text).toContain('<h1 id="campaigns-heading">Các đợt thi đua</h1>');
    expect(list.text).toContain('<a href="/campaigns" aria-current="page">Đợt thi đua</a>');
    expect(list.text).toMatch(
      new RegExp(`<td><a href="/campaigns/${campaign.id}">${campaign.name.replace(/[()]/g, '\\$&')}</a></td>\\s*<td>2020</td>\\s*<td>pages-list <span class="muted">\\(phiên bản 1\\)</span></td>\\s*<td><span class="badge badge-running">Đang diễn ra</span></td>\\s*<td><ul><li>Cụm trưởng duyệt dự thảo</li></ul></td>`),
    );
    await t.http().post(`/api/v1/campaigns/${campaign.id}/cancel`).set(admin).send({ reason: 'Thử nghiệm' }).expect(200);
    const cancelled = await page('hatinh.canbo', '/campaigns?status=cancelled');
    expect(cancelled.text).toContain(`<a href="/campaigns/${campaign.id}">`);
    expect(cancelled.text).toContain('<span class="badge badge-cancelled">Đã hủy</span>');
    expect(cancelled.text).toContain('<a href="/campaigns?status=cancelled" aria-current="page">Đã hủy</a>');
    expect((await page('hatinh.canbo', '/campaigns?status=running')).text).not.toContain(`<a href="/campaigns/${campaign.id}">`);
    // An unknown filter lists everything.
    expect((await page('hatinh.canbo', '/campaigns?status=%3Cx%3E')).text).toContain(`<a href="/campaigns/${campaign.id}">`);
    const english = await page('hatinh.canbo', '/campaigns?status=cancelled', 200, 'en');
    expect(english.text).toContain('<span class="badge badge-cancelled">Cancelled</span>');
    expect(english.text).toContain('<th scope="col">Current stages</th>');
    // The cancelled campaign's page says why, and has no current or next stage.
    const detail = await page('hatinh.canbo', `/campaigns/${campaign.id}`);
    expect(detail.text).toContain('<dt>Lý do hủy</dt><dd>Thử nghiệm</dd>');
    expect(detail.text).not.toContain('<li class="is-current"');
    expect(detail.text).not.toContain('<li class="is-next"');
    expect(detail.text).toContain('<li class="is-cancelled">');
  });

  it('shows a published workflow version to administrators only: stages table and Mermaid source', async () => {
    const campaign = await launch('pages-version');
    const response = await page('admin', `/workflow-versions/${campaign.versionId}`);
    expect(response.text).toContain('<h1>Giao ước thử nghiệm</h1>');
    expect(response.text).toContain('<p class="lead">Quy trình pages-version, phiên bản 1</p>');
    expect(response.text).toContain('<dd>Hệ thống (quy trình có sẵn)</dd>');
    expect(response.text).toMatch(/<th scope="row"><code>draft-review<\/code><br><span class="badge badge-running">Bước bắt đầu<\/span><\/th>\s*<td>Cụm trưởng duyệt dự thảo<\/td>\s*<td>Xem xét <code>review<\/code><\/td>\s*<td><ul><li>cụm trưởng<\/li><\/ul><\/td>\s*<td><span class="muted">Không có<\/span><\/td>/);
    // Stages from the start along the transitions, and outcomes alphabetically: the same on SQLite and PostgreSQL (jsonb reorders keys).
    expect([...response.text.matchAll(/<th scope="row"><code>([a-z-]+)<\/code>/g)].map((match) => match[1])).toEqual(['draft-review', 'acknowledge', 'cool-off', 'done']);
    expect(response.text).toContain('<td><ul><li>Đã xác nhận <code>acknowledged</code> → cool-off <code>cool-off</code></li><li>Hết hạn <code>timeout</code> → cool-off <code>cool-off</code></li></ul></td>');
    expect(response.text).toContain('<li>Đã duyệt <code>approved</code> → Các đơn vị xác nhận <code>acknowledge</code></li>');
    expect(response.text).toContain('<li>Trả lại <code>returned</code> → Cụm trưởng duyệt dự thảo <code>draft-review</code></li>');
    expect(response.text).toContain('<td><ul><li>mỗi đơn vị thành viên của cụm</li></ul></td>');
    expect(response.text).toContain('<td><ul><li>1 giờ</li><li>nhắc trước 30 phút</li><li>quá hạn: đóng bước (kết quả &quot;hết hạn&quot;)</li></ul></td>');
    expect(response.text).toContain('<pre class="source" tabindex="0" aria-labelledby="diagram-heading"><code>flowchart TD\n  workflow_start((&quot;Bắt đầu&quot;))');
    expect(response.text).toContain('stage_draft_review --&gt;|&quot;approved&quot;| stage_acknowledge');
    expect(response.text).not.toContain('<script');

    const english = await page('admin', `/workflow-versions/${campaign.versionId}`, 200, 'en');
    expect(english.text).toContain('<h1>Test pact</h1>');
    expect(english.text).toContain('<td><ul><li>1 hour</li><li>reminder 30 minutes before</li><li>when overdue: close the stage (outcome &quot;timeout&quot;)</li></ul></td>');

    const forbidden = await page('thanhhoa.vientruong', `/workflow-versions/${campaign.versionId}`, 403);
    expect(forbidden.text).toContain('Bạn không có quyền thực hiện thao tác này (cần vai trò: Quản trị hệ thống).');
    expect(forbidden.text).not.toContain('flowchart');
    expect((await page('admin', `/workflow-versions/${randomUUID()}`, 404)).text).toContain('Không tìm thấy phiên bản quy trình');
    await page('admin', '/workflow-versions/x', 400);
  });

  it('escapes names from campaigns and workflow documents on every page', async () => {
    const hostile: WorkflowDocument = {
      ...fourStageDocument(),
      name: { vi: '<img src=x onerror="alert(1)">' },
      stages: {
        ...fourStageDocument().stages,
        'draft-review': { ...fourStageDocument().stages['draft-review'], name: { vi: '<script>alert("bước")</script>' } },
      },
    };
    const campaign = await launch('pages-xss', { name: '<script>alert("đợt")</script> & co', document: hostile });
    const escapedName = '&lt;script&gt;alert(&quot;đợt&quot;)&lt;/script&gt; &amp; co';
    const escapedStage = '&lt;script&gt;alert(&quot;bước&quot;)&lt;/script&gt;';

    const inbox = await page('thanhhoa.vientruong', '/inbox');
    const campaignPage = await page('thanhhoa.vientruong', `/campaigns/${campaign.id}`);
    const list = await page('thanhhoa.vientruong', '/campaigns');
    const history = await page('thanhhoa.vientruong', `/campaigns/${campaign.id}/history`);
    const version = await page('admin', `/workflow-versions/${campaign.versionId}`);
    for (const response of [inbox, campaignPage, list, history, version]) {
      expect(response.text).not.toMatch(/<script|<img/);
    }
    expect(inbox.text).toContain(`>${escapedName}</a>`);
    expect(inbox.text).toContain(`${escapedStage}</h3>`);
    expect(campaignPage.text).toContain(`<h1>${escapedName}</h1>`);
    expect(campaignPage.text).toContain(`<title>${escapedName} · `);
    expect(campaignPage.text).toContain('<dd>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <span class="muted">');
    expect(campaignPage.text).toContain(`<h3>${escapedStage}</h3>`);
    expect(list.text).toContain(`<li>${escapedStage}</li>`);
    expect(history.text).toContain(`Lịch sử: ${escapedName}`);
    expect(version.text).toContain(`<td>${escapedStage}</td>`);
    // In the Mermaid source the diagram generator's own escaping applies first, then the page's.
    expect(version.text).toContain('stage_draft_review{&quot;#60;script#62;alert#40;#34;bước#34;#41;#60;/script#62;&lt;br/&gt;review&quot;}');
    const mermaid = (await t.http().get(`/api/v1/workflow-versions/${campaign.versionId}/diagram?format=text`).set(admin).expect(200)).text;
    expect(version.text).toContain(`<code>${escapeHtml(mermaid)}</code>`);
  });

  // Last: it moves the app's clock forward for good.
  it('marks late tasks with a badge, counts them, and shows the overdue stage', async () => {
    const campaign = await launch('pages-late', { document: fourStageDocument('mark-late') });
    const [review] = await tasksOf('thanhhoa.vientruong', campaign.id);
    await post('thanhhoa.vientruong', review.id, { command: 'approve' }, 303);
    t.app.get(Clock).advance(2 * 3600 * 1000);
    expect((await t.app.get(RecoverySweeper).sweep()).overdueHandled).toBeGreaterThanOrEqual(1);

    const [ack] = await tasksOf('quangtri.canbo', campaign.id);
    // Earlier campaigns' stages closed on the same deadline (policy "close"), so only this one's task is left open.
    const counts = async () => (await t.http().get('/api/v1/inbox').set(await bearerFor(t, 'quangtri.canbo')).expect(200)).body.counts;
    expect(await counts()).toMatchObject({ open: 1, late: 1 });
    const inbox = await page('quangtri.canbo', '/inbox');
    expect(inbox.text).toContain('<p class="lead" id="inbox-counts">1 việc cần làm, 1 trễ hạn</p>');
    expect(inbox.text).toContain(`<article class="task is-late" id="task-${ack.id}"`);
    expect(inbox.text).toContain(`<time datetime="${ack.dueAt}">${vietnamTime(ack.dueAt!)}</time> <span class="badge badge-late">Trễ hạn</span>`);
    const english = await page('quangtri.canbo', '/inbox', 200, 'en');
    expect(english.text).toContain('<p class="lead" id="inbox-counts">1 task to do, 1 late</p>');
    expect(english.text).toContain('<span class="badge badge-late">Late</span>');

    await post('quangtri.canbo', ack.id, { command: 'acknowledge' }, 303);
    const campaignPage = await page('quangtri.canbo', `/campaigns/${campaign.id}`);
    expect(campaignPage.text).toMatch(/<span id="progress-[0-9a-f-]+-text">1\/6 xong, 6 trễ hạn<\/span>/);
    expect(campaignPage.text).toContain('<span class="badge badge-late">Quá hạn</span>');
    // Done late, it stays marked late in the done list.
    expect(await counts()).toMatchObject({ open: 0, late: 0 });
    const after = await page('quangtri.canbo', '/inbox');
    expect(after.text).toContain('<p class="lead" id="inbox-counts">0 việc cần làm</p>');
    expect(after.text).toMatch(/<td><time datetime="[^"]+">[^<]+<\/time> <span class="badge badge-late">Trễ hạn<\/span><\/td>\s*<td>Đã xác nhận<\/td>/);
  });
});
