import { escapeHtml } from '../../src/modules/web/html';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { pageSessions } from '../support/page-session';

jest.setTimeout(90_000);

interface ApiClause {
  id: string;
  number: string;
  heading?: string;
  text: string;
}
const UNITS = CLUSTER_6_UNITS;


/** The markup of one element by its id, up to the first closing tag of the same name after it (no nesting of that tag inside). */
const sectionById = (page: string, id: string, tag = 'section'): string => {
  const start = page.indexOf(`id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf(`</${tag}>`, start));
};

describe('document pages: a version with its discussion and amendments, and the diff (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let head: Auth;
  let pact: ClusterPactFixture;
  let pages: ReturnType<typeof pageSessions>;
  const officers = new Map<string, Auth>();

  beforeAll(async () => {
    t = await startTestApp();
    pact = await clusterPactFixture(t);
    ({ admin, head } = pact);
    pages = pageSessions(t);
    for (const [slug, code] of UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
  });
  afterAll(() => t?.close());

  const page = (username: string, path: string, status = 200) => pages.page(username, path, status);
  const post = (username: string, path: string, form: Record<string, string>, status: number) => pages.post(username, path, form, status);

  const openTask = async (auth: Auth, campaignId: string, stageKey: string): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    expect(task).toBeDefined();
    return task.id;
  };
  const deliberation = async (campaignId: string) => (await t.http().get(`/api/v1/campaigns/${campaignId}/deliberation`).set(admin).expect(200)).body;

  const toDiscussion = (name: string) => pact.launchToDiscussion(name);

  it('Hà Tĩnh comments on clause 2 and proposes an amendment through the page; the diff of version 2 shows it word by word', async () => {
    const { campaignId, documentId } = await toDiscussion('Giao ước thi đua năm 2020 – trang văn bản');
    const v1 = (await t.http().get(`/api/v1/documents/${documentId}`).set(admin).expect(200)).body.latest;
    const clauses = v1.content.clauses as ApiClause[];
    // The draft's four clauses, then the movements the cluster joins as a fifth.
    expect(clauses.map((clause) => clause.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(clauses[4].id).toBe('c-movements');
    const clause2 = clauses[1];

    // Anyone signed in reads: the clauses with their numbers, the version hash (short, full in the title), the downloads.
    const first = await page('hatinh.canbo', `/documents/${documentId}`);
    expect(first.match(/<section class="clause" id="clause-/g)).toHaveLength(5);
    for (const clause of clauses) {
      expect(first).toContain(`id="clause-${clause.id}"`);
      expect(first).toContain(escapeHtml(`Điều ${clause.number}.${clause.heading ? ` ${clause.heading}` : ''}</h3>`).replace('&lt;/h3&gt;', '</h3>'));
      expect(first).toContain(escapeHtml(clause.text));
    }
    expect(first).toContain(`<code title="${v1.contentHash}">${v1.contentHash.slice(0, 12)}</code>`);
    expect(first).toContain(`href="/api/v1/documents/${documentId}/versions/1/markdown?lang=vi"`);
    expect(first).toContain(`href="/api/v1/documents/${documentId}/versions/1/pdf?lang=vi"`);
    expect(first).toMatch(/<a href="\/documents\/[^"]+\?v=1" aria-current="page">Phiên bản 1/);
    expect(first).not.toContain('So sánh với phiên bản trước');
    expect(first).toContain('Góp ý điều này');
    expect(first).toContain('Đề xuất sửa đổi');
    // One mandate: the page says for whom the person writes instead of asking.
    expect(first).toContain('Bạn viết thay mặt VKS-HTI');
    // A reader without a unit mandate reads, and is told why there is nothing to write in.
    expect((await t.http().get('/api/v1/auth/me').set(admin).expect(200)).body.mandates).toEqual([]);
    const adminPage = await page('admin', `/documents/${documentId}`);
    expect(adminPage).toContain('Cần có ủy quyền hợp lệ của một đơn vị');
    expect(adminPage).not.toContain('Góp ý điều này');
    const refusedAdmin = await post('admin', `/documents/${documentId}/amendments`, { baseVersion: '1', kind: 'delete', clauseId: clauses[3].id, justification: 'Trùng.' }, 403);
    expect(refusedAdmin.text).toContain('role="alert"');
    expect(refusedAdmin.text).toContain('Chỉ đơn vị thành viên mới được đề xuất sửa đổi');
    // A visitor without a session is sent to sign in.
    expect((await t.http().get(`/documents/${documentId}`).expect(303)).headers.location).toContain('/sign-in');

    // Hà Tĩnh opens a thread on clause 2 through the page's form, then comments in it.
    const opened = await post('hatinh.canbo', `/documents/${documentId}/threads`, { clauseId: clause2.id, title: 'Chỉ tiêu kiến nghị <70%>', body: 'Đề nghị nâng chỉ tiêu.' }, 303);
    expect(opened.headers.location).toMatch(new RegExp(`^/documents/${documentId}\\?flash=thread-opened#thread-`));
    const threads = (await t.http().get(`/api/v1/documents/${documentId}/threads?clauseId=${clause2.id}`).set(admin).expect(200)).body.items;
    expect(threads).toHaveLength(1);
    const threadId: string = threads[0].id;
    expect(threads[0].openedBy.unit.code).toBe('VKS-HTI');
    const commented = await post('hatinh.canbo', `/documents/${documentId}/threads/${threadId}/comments`, { body: 'Mức 75% phù hợp với kết quả năm 2019 của @VKS-QBI.' }, 303);
    expect(commented.headers.location).toMatch(new RegExp(`^/documents/${documentId}\\?v=1&flash=comment-added#comment-`));
    const withThread = await page('hatinh.canbo', commented.headers.location.split('#')[0]);
    expect(withThread).toContain('role="status"');
    expect(withThread).toContain('Đã gửi ý kiến.');
    const onClause2 = sectionById(withThread, `clause-${clause2.id}`);
    expect(onClause2).toContain(escapeHtml('Chỉ tiêu kiến nghị <70%>'));
    expect(onClause2).toContain('Đang thảo luận');
    expect(onClause2).toContain('Mức 75% phù hợp với kết quả năm 2019 của @VKS-QBI.');
    expect(onClause2).toContain(escapeHtml(`${threads[0].openedBy.person.fullName} (thay mặt VKS-HTI)`));
    expect(onClause2).toContain('thay mặt VKS-HTI');
    expect(onClause2).toMatch(/<time datetime="/);
    // Not on the other clauses.
    expect(sectionById(withThread, `clause-${clauses[0].id}`)).not.toContain('Chỉ tiêu kiến nghị');
    // A reply is indented under its comment.
    const comments = (await t.http().get(`/api/v1/threads/${threadId}/comments`).set(admin).expect(200)).body as Array<{ id: string; parentId: string | null }>;
    await post('nghean.canbo', `/documents/${documentId}/threads/${threadId}/comments`, { body: 'Nghệ An thống nhất.', parentId: comments[0].id }, 303);
    const withReply = await page('nghean.canbo', `/documents/${documentId}`);
    expect(withReply).toMatch(/<ul class="replies"[^>]*>\s*<li class="comment"[^>]*>\s*<p class="comment-meta"><strong>[^<]*thay mặt VKS-NAN/);
    // A blank comment is refused in place with the catalog's message.
    const blank = await post('hatinh.canbo', `/documents/${documentId}/threads/${threadId}/comments`, { body: '   ' }, 400);
    expect(blank.text).toContain('role="alert"');
    // The field by its label on the form, not its name in the request.
    expect(blank.text).toContain('Dữ liệu không hợp lệ: Ý kiến của bạn.');
    const blankThread = await pages.post('hatinh.canbo', `/documents/${documentId}/threads`, { title: ' ', body: ' ' }, 400, 'en');
    expect(blankThread.text).toContain('Invalid data: Thread title, Your comment.');

    // Bad input is shown again with the catalog's message, and what was typed is kept.
    const typed = 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên & "đúng hạn".';
    const refused = await post('hatinh.canbo', `/documents/${documentId}/amendments`, { baseVersion: '1', kind: 'replace', clauseId: clause2.id, heading: '', text: typed, justification: ' ' }, 422);
    expect(refused.text).toContain('<p class="alert" role="alert" id="form-error">Đề xuất sửa đổi phải nêu lý do.</p>');
    expect(refused.text).toContain(`>${escapeHtml(typed)}</textarea>`);
    expect(refused.text).toMatch(/<textarea id="amendment-justification"[^>]*aria-invalid="true" aria-describedby="form-error"/);
    expect(refused.text).toContain(`<option value="${clause2.id}" selected>`);
    expect((await t.http().get(`/api/v1/documents/${documentId}/amendments`).set(admin).expect(200)).body.total).toBe(0);

    // Proposed through the page's form: listed with its status and a link to its poll.
    const proposed = await post('hatinh.canbo', `/documents/${documentId}/amendments`, { baseVersion: '1', kind: 'replace', clauseId: clause2.id, heading: '', text: 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.', justification: 'Nâng chỉ tiêu cho phù hợp kết quả năm 2019.' }, 303);
    expect(proposed.headers.location).toBe(`/documents/${documentId}?flash=amendment-proposed#amendment-1`);
    const { amendmentPolls } = await deliberation(campaignId);
    const [[amendmentId, pollId]] = Object.entries(amendmentPolls) as Array<[string, string]>;
    const amendment = (await t.http().get(`/api/v1/amendments/${amendmentId}`).set(admin).expect(200)).body;
    expect(amendment).toMatchObject({ number: 1, status: 'proposed', kind: 'replace', clauseId: clause2.id, heading: null });
    expect(amendment.proposedBy.unit.code).toBe('VKS-HTI');
    const withAmendment = await page('hatinh.canbo', `/documents/${documentId}?flash=amendment-proposed`);
    expect(withAmendment).toContain('Đã gửi đề xuất sửa đổi');
    const listed = sectionById(withAmendment, 'amendment-1', 'li');
    expect(listed).toContain('Sửa đổi số 1 — VKS-HTI');
    expect(listed).toContain('thay thế');
    expect(listed).toContain('Điều 2');
    expect(listed).toContain('đang biểu quyết');
    expect(listed).toContain('Nâng chỉ tiêu cho phù hợp kết quả năm 2019.');
    expect(listed).toContain(`<a class="button-link" href="/polls/${pollId}"`);
    expect(listed).toContain('Xem và biểu quyết');

    // Every unit votes on the amendment; the head closes the discussion and the engine merges version 2.
    for (const [, code] of UNITS) {
      await t.http().post(`/api/v1/polls/${pollId}/ballots`).set(officers.get(code)!).set('X-Acting-Unit', code).send({ choice: code === 'VKS-QTR' ? 'disagree' : 'agree' }).expect(201);
    }
    await t.http().post(`/api/v1/tasks/${await openTask(head, campaignId, 'discussion')}/commands`).set(head).send({ command: 'close' }).expect(200);
    const v2 = (await t.http().get(`/api/v1/documents/${documentId}/versions/2`).set(admin).expect(200)).body;

    // Version 2 by default, the switcher marks it, the amendment says where it went, the form is closed.
    const second = await page('hatinh.canbo', `/documents/${documentId}`);
    expect(second).toContain(`<code title="${v2.contentHash}">${v2.contentHash.slice(0, 12)}</code>`);
    expect(second).toMatch(/<a href="\/documents\/[^"]+\?v=2" aria-current="page">Phiên bản 2/);
    expect(second).toContain(`href="/documents/${documentId}/diff?from=1&amp;to=2">So sánh với phiên bản trước</a>`);
    expect(second).toContain('đã đưa vào phiên bản 2');
    expect(sectionById(second, 'amendment-1', 'li')).toContain(`href="/polls/${pollId}" aria-describedby="amendment-1-title">Xem kết quả biểu quyết</a>`);
    expect(second).toContain('không ở bước thảo luận');
    expect(second).toContain('Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.');
    // The thread stays on version 1.
    expect(sectionById(second, `clause-${clause2.id}`)).not.toContain('Chỉ tiêu kiến nghị');
    const old = await page('hatinh.canbo', `/documents/${documentId}?v=1`);
    expect(sectionById(old, `clause-${clause2.id}`)).toContain(escapeHtml('Chỉ tiêu kiến nghị <70%>'));
    expect(old).toContain('Bạn đang xem phiên bản cũ');
    expect(old).not.toContain('Góp ý điều này');
    // The discussion has ended: no form opens a thread or takes a comment, the page says why, and a comment posted anyway is refused.
    expect(second).not.toContain('Góp ý điều này');
    expect(second).toContain('Cuộc thảo luận về văn bản này đã kết thúc');
    expect(sectionById(old, `clause-${clause2.id}`)).toContain('Cuộc thảo luận về văn bản này đã kết thúc');
    expect(sectionById(old, `clause-${clause2.id}`)).not.toContain('<textarea');
    const lateComment = await post('hatinh.canbo', `/documents/${documentId}/threads/${threadId}/comments`, { body: 'Góp ý muộn.' }, 409);
    expect(lateComment.text).toContain('đã kết thúc: không nhận thêm chủ đề, ý kiến hay chỉnh sửa');
    expect(old).toMatch(/<a href="\/documents\/[^"]+\?v=1" aria-current="page">Phiên bản 1/);
    // Too late: the page shows the API's refusal.
    const late = await post('hatinh.canbo', `/documents/${documentId}/amendments`, { baseVersion: '2', kind: 'delete', clauseId: clauses[3].id, justification: 'Trùng nội dung.' }, 409);
    expect(late.text).toContain('không ở bước thảo luận, không nhận đề xuất sửa đổi');

    // The diff: word-level parts in <del>/<ins> with hidden labels, and the amendment named by number and unit.
    const diff = await page('hatinh.canbo', `/documents/${documentId}/diff?from=1&to=2`);
    expect(diff).toContain('<del><span class="visually-hidden">đã xóa: </span>');
    expect(diff).toContain('<ins><span class="visually-hidden">đã thêm: </span>');
    expect(diff).toMatch(/<del><span class="visually-hidden">đã xóa: <\/span>[^<]*trên[^<]*<\/del>/);
    expect(diff).toMatch(/<ins><span class="visually-hidden">đã thêm: <\/span>[^<]*từ[^<]*<\/ins>/);
    expect(diff).toContain('Sửa đổi số 1 của VKS-HTI: thay thế Điều 2');
    expect(diff).toContain('<h3 id="changed-c-2">Điều 2. Thực hành quyền công tố</h3>');
    expect(diff).toContain('<html lang="vi"');

    const english = await page('hatinh.canbo', `/documents/${documentId}/diff?from=1&to=2&lang=en`);
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('<del><span class="visually-hidden">removed: </span>');
    expect(english).toContain('<ins><span class="visually-hidden">added: </span>');
    expect(english).toContain('Amendment 1 by VKS-HTI: replaces clause 2');
    expect(english).toContain('changes from version 1 to version 2');
    const englishDocument = await page('hatinh.canbo', `/documents/${documentId}?lang=en`);
    expect(englishDocument).toContain('Clause 2. <span lang="vi">Thực hành quyền công tố</span>');
    expect(englishDocument).toContain('<p class="clause-text" lang="vi">');
    expect(englishDocument).toContain('merged into version 2');
    expect(englishDocument).toContain('Compare with the previous version');

    // A version that does not exist is the localized 404 page.
    await page('hatinh.canbo', `/documents/${documentId}?v=9&lang=vi`, 404);
  });

  it('a person with two mandates chooses the unit in the form; an unchosen or unmandated unit is refused in place', async () => {
    const { documentId } = await toDiscussion('Giao ước thi đua năm 2020 – hai ủy quyền');
    const password = 'mat-khau-hai-don-vi-2020';
    const person = (await t.http().post('/api/v1/people').set(admin).send({ username: 'hai.donvi', fullName: 'Người Hai Đơn Vị', password }).expect(201)).body;
    const units = (await t.http().get('/api/v1/units').set(admin).expect(200)).body;
    const unitId = (code: string) => (Array.isArray(units) ? units : units.items).find((unit: { code: string }) => unit.code === code).id as string;
    for (const code of ['VKS-QBI', 'VKS-QTR']) {
      await t.http().post('/api/v1/mandates').set(admin).send({ personId: person.id, unitId: unitId(code), role: 'officer', validFrom: '2020-01-01' }).expect(201);
    }
    await pages.session('hai.donvi', password);

    const form = await page('hai.donvi', `/documents/${documentId}`);
    expect(form).toMatch(/<label for="amendment-unit">Thay mặt đơn vị<\/label>\s*<select id="amendment-unit" name="unit" required><option value="VKS-QBI">VKS-QBI — [^<]+<\/option><option value="VKS-QTR">/);

    const unchosen = await post('hai.donvi', `/documents/${documentId}/threads`, { clauseId: '', title: 'Góp ý chung', body: 'Nội dung chung.' }, 400);
    expect(unchosen.text).toContain('Hãy chọn đơn vị bạn hành động thay mặt');
    expect(unchosen.text).toContain('value="Góp ý chung"');
    const unmandated = await post('hai.donvi', `/documents/${documentId}/threads`, { clauseId: '', title: 'Góp ý chung', body: 'Nội dung chung.', unit: 'VKS-HTI' }, 403);
    expect(unmandated.text).toContain('Bạn không có ủy quyền hợp lệ để hành động thay mặt đơn vị Viện kiểm sát nhân dân tỉnh Hà Tĩnh.');

    await post('hai.donvi', `/documents/${documentId}/threads`, { clauseId: '', title: 'Góp ý chung', body: 'Nội dung chung.', unit: 'VKS-QTR' }, 303);
    const general = sectionById(await page('hai.donvi', `/documents/${documentId}`), 'threads-document');
    expect(general).toContain('Góp ý chung');
    expect(general).toContain('Người Hai Đơn Vị (thay mặt VKS-QTR)');
  });
});
