import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type UnitRef = { id: string; code: string; name: string };
type Cluster = { id: string; name: string; year: number; members: UnitRef[]; headUnit: UnitRef | null; deputyUnit: UnitRef | null; archivedAt: string | null };

/** What a person reads: the page without its tags. */
const visibleText = (page: string): string =>
  page
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** One cluster's section of the year page. */
function clusterSection(page: string, name: string): string {
  const section = new RegExp(`<section class="cluster" data-cluster="${name.replace(/[()]/g, '\\$&')}"[\\s\\S]*?</section>`).exec(page)?.[0];
  if (!section) throw new Error(`The page lists no cluster named ${name}`);
  return section;
}

/** A member's row: unit name, role in the cluster, record of the year before, as read. */
function memberRows(section: string): Array<[string, string, string]> {
  return [...section.matchAll(/<tr data-unit="[^"]+">([\s\S]*?)<\/tr>/g)].map(([, row]) => {
    const cells = [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => visibleText(cell).trim());
    return [cells[0], cells[1], cells[2]];
  });
}

/** The options of a select, as labels. */
function optionsOf(page: string, id: string): string[] {
  const select = new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(page)?.[1];
  if (!select) throw new Error(`The page has no select #${id}`);
  return [...select.matchAll(/<option value="[^"]*"[^>]*>([^<]*)<\/option>/g)].map(([, label]) => label);
}

describe('organisation pages: clusters by year (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let pages: ReturnType<typeof pageSessions>;
  const unit: Record<string, UnitRef> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    pages = pageSessions(t);
    for (const item of (await t.http().get('/api/v1/units').query({ limit: 500 }).set(admin).expect(200)).body.items) unit[item.code] = item;
  });
  afterAll(() => t.close());

  const clustersOf = async (year: number): Promise<Cluster[]> =>
    (await t.http().get('/api/v1/clusters').query({ year, includeArchived: 'true', limit: 500 }).set(admin).expect(200)).body.items;

  /** Posts a cluster form as a browser does: each ticked member as its own `memberUnitIds` field. */
  const postForm = async (path: string, fields: Record<string, string>, members: string[], status: number, language?: 'en') => {
    const { cookie, csrfToken } = await pages.session('admin');
    const body = new URLSearchParams({ ...fields, _csrf: csrfToken });
    for (const code of members) body.append('memberUnitIds', unit[code].id);
    return t
      .http()
      .post(path)
      .set('Cookie', language ? `${cookie}; lang=${language}` : cookie)
      .type('form')
      .send(body.toString())
      .expect(status);
  };

  it('lists the clusters of a year with head, deputy and members by name, each with its record of the year before, and the rule', async () => {
    const page = await pages.page('admin', '/admin/org/clusters?year=2020');
    expect(page).toContain('<h1>Cụm thi đua năm 2020</h1>');
    expect(page).toContain('<a href="/admin/org/clusters" aria-current="page" class="current">Cụm thi đua</a>');
    const demo = clusterSection(page, 'Cụm thi đua số 6');
    expect(visibleText(demo)).toContain('Cụm trưởng Viện kiểm sát nhân dân tỉnh Thanh Hóa Cụm phó Viện kiểm sát nhân dân tỉnh Nghệ An Đơn vị thành viên 6 đơn vị thành viên');
    expect(demo).toContain('<th scope="col">Đánh giá năm 2019</th>');
    expect(memberRows(demo)).toEqual([
      ['Viện kiểm sát nhân dân tỉnh Hà Tĩnh', 'Thành viên', 'Được đánh giá'],
      ['Viện kiểm sát nhân dân tỉnh Nghệ An', 'Cụm phó', 'Được đánh giá'],
      ['Viện kiểm sát nhân dân tỉnh Quảng Bình', 'Thành viên', 'Được đánh giá'],
      ['Viện kiểm sát nhân dân tỉnh Quảng Trị', 'Thành viên', 'Được đánh giá'],
      ['Viện kiểm sát nhân dân tỉnh Thanh Hóa', 'Cụm trưởng', 'Được đánh giá'],
      ['Viện kiểm sát nhân dân tỉnh Thừa Thiên Huế', 'Thành viên', 'Được đánh giá'],
    ]);
    // The rule, in words, for the year shown.
    expect(visibleText(page)).toContain(
      'Cụm trưởng và cụm phó là hai đơn vị khác nhau, đều là thành viên của cụm. Đơn vị không được đánh giá, xếp loại năm 2019 thì không được làm cụm trưởng hay cụm phó năm 2020',
    );
    // The add form: members as checkboxes with their record; a unit with no record says so.
    expect(page).toMatch(
      new RegExp(`<input type="checkbox" id="member-${unit['VKS-THA'].id}" name="memberUnitIds" value="${unit['VKS-THA'].id}"><label for="member-${unit['VKS-THA'].id}">Viện kiểm sát nhân dân tỉnh Thanh Hóa \\(VKS-THA\\)<span class="evaluation">được đánh giá năm 2019</span></label>`),
    );
    expect(page).toContain('Viện kiểm sát nhân dân tối cao (VKSNDTC)<span class="evaluation">chưa ghi kết quả năm 2019</span>');
    expect(page).toContain('<input id="cluster-year" name="year" type="number" min="1945" max="2200" required value="2020"');
    expect(visibleText(page)).not.toMatch(UUID);

    const empty = await pages.page('admin', '/admin/org/clusters?year=1999');
    expect(empty).toContain('Năm 1999 chưa có cụm thi đua nào.');
    // The years that have clusters are offered.
    expect(empty).toContain('<li><a href="/admin/org/clusters?year=2020">2020</a></li>');
    expect(empty).toContain('Đơn vị không được đánh giá, xếp loại năm 1998');
  });

  it('adds a cluster with its head and deputy chosen among its members, lists it, then edits it', async () => {
    const members = ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI'];
    const created = await postForm('/admin/org/clusters', { name: 'Cụm thi đua số 6', year: '2021', headUnitId: unit['VKS-NAN'].id, deputyUnitId: unit['VKS-HTI'].id }, members, 303);
    const [stored] = await clustersOf(2021);
    expect(created.headers.location).toBe(`/admin/org/clusters?year=2021&flash=created#cluster-${stored.id}`);
    expect(stored).toMatchObject({ name: 'Cụm thi đua số 6', year: 2021, headUnit: { code: 'VKS-NAN' }, deputyUnit: { code: 'VKS-HTI' }, archivedAt: null });
    expect(stored.members.map((member) => member.code).sort()).toEqual([...members].sort());

    const listed = await pages.page('admin', created.headers.location);
    expect(listed).toContain('<p class="flash" role="status">Đã thêm cụm thi đua.</p>');
    const section = clusterSection(listed, 'Cụm thi đua số 6');
    expect(section).toContain(`<dd data-role="head"><a href="/admin/org/units/${unit['VKS-NAN'].id}">Viện kiểm sát nhân dân tỉnh Nghệ An</a></dd>`);
    expect(section).toContain(`<dd data-role="deputy"><a href="/admin/org/units/${unit['VKS-HTI'].id}">Viện kiểm sát nhân dân tỉnh Hà Tĩnh</a></dd>`);
    expect(memberRows(section).map(([name, role]) => [name, role])).toEqual([
      ['Viện kiểm sát nhân dân tỉnh Hà Tĩnh', 'Cụm phó'],
      ['Viện kiểm sát nhân dân tỉnh Nghệ An', 'Cụm trưởng'],
      ['Viện kiểm sát nhân dân tỉnh Quảng Bình', 'Thành viên'],
      ['Viện kiểm sát nhân dân tỉnh Thanh Hóa', 'Thành viên'],
    ]);
    // The demo's records of 2020 say every member was evaluated: each may lead in 2021.
    expect(memberRows(section).map(([, , record]) => record)).toEqual(['Được đánh giá', 'Được đánh giá', 'Được đánh giá', 'Được đánh giá']);

    // The cluster's page: the form holds what is stored, members first among the head choices.
    const own = await pages.page('admin', `/admin/org/clusters/${stored.id}`);
    expect(own).toContain('<h1>Cụm thi đua số 6 (2021)</h1>');
    expect(own).toContain(`<input type="checkbox" id="member-${unit['VKS-QBI'].id}" name="memberUnitIds" value="${unit['VKS-QBI'].id}" checked>`);
    expect(own).not.toContain(`<input type="checkbox" id="member-${unit['VKS-QTR'].id}" name="memberUnitIds" value="${unit['VKS-QTR'].id}" checked>`);
    expect(own).toContain(`<option value="${unit['VKS-NAN'].id}" selected>Viện kiểm sát nhân dân tỉnh Nghệ An (VKS-NAN)</option>`);
    expect(optionsOf(own, 'cluster-head').slice(0, 5)).toEqual([
      '(Chưa chỉ định)',
      'Viện kiểm sát nhân dân tỉnh Hà Tĩnh (VKS-HTI)',
      'Viện kiểm sát nhân dân tỉnh Nghệ An (VKS-NAN)',
      'Viện kiểm sát nhân dân tỉnh Quảng Bình (VKS-QBI)',
      'Viện kiểm sát nhân dân tỉnh Thanh Hóa (VKS-THA)',
    ]);
    expect(visibleText(own)).not.toMatch(UUID);

    const edited = await postForm(`/admin/org/clusters/${stored.id}`, { name: 'Cụm thi đua số 6 (mới)', year: '2021', headUnitId: unit['VKS-NAN'].id, deputyUnitId: unit['VKS-QTR'].id }, ['VKS-NAN', 'VKS-QTR', 'VKS-QBI'], 303);
    expect(edited.headers.location).toBe(`/admin/org/clusters/${stored.id}?flash=saved`);
    const [after] = await clustersOf(2021);
    expect(after).toMatchObject({ name: 'Cụm thi đua số 6 (mới)', headUnit: { code: 'VKS-NAN' }, deputyUnit: { code: 'VKS-QTR' } });
    expect(after.members.map((member) => member.code)).toEqual(['VKS-NAN', 'VKS-QBI', 'VKS-QTR']);
    expect(await pages.page('admin', edited.headers.location)).toContain('Đã lưu thay đổi.');

    // An empty deputy removes it.
    await postForm(`/admin/org/clusters/${stored.id}`, { name: 'Cụm thi đua số 6 (mới)', year: '2021', headUnitId: unit['VKS-NAN'].id, deputyUnitId: '' }, ['VKS-NAN', 'VKS-QTR', 'VKS-QBI'], 303);
    const cleared = (await clustersOf(2021))[0];
    expect(cleared.deputyUnit).toBeNull();
    expect(clusterSection(await pages.page('admin', '/admin/org/clusters?year=2021'), 'Cụm thi đua số 6 (mới)')).toContain('<dd data-role="deputy"><span class="muted">Chưa chỉ định</span></dd>');
  });

  it('shows a unit not evaluated last year as barred, does not offer it as head or deputy, and re-renders a forced choice refused with nothing stored', async () => {
    await t.http().put(`/api/v1/units/${unit['VKS-QTR'].id}/evaluations/2021`).set(admin).send({ evaluated: false }).expect(200);
    await t.http().put(`/api/v1/units/${unit['VKS-QBI'].id}/evaluations/2021`).set(admin).send({ evaluated: true }).expect(200);

    const page = await pages.page('admin', '/admin/org/clusters?year=2022');
    expect(page).toContain(
      `<label for="member-${unit['VKS-QTR'].id}">Viện kiểm sát nhân dân tỉnh Quảng Trị (VKS-QTR)<span class="evaluation evaluation-not-evaluated">không được đánh giá năm 2021, không được làm cụm trưởng, cụm phó</span></label>`,
    );
    expect(page).toContain('Viện kiểm sát nhân dân tỉnh Quảng Bình (VKS-QBI)<span class="evaluation">được đánh giá năm 2021</span>');
    for (const id of ['cluster-head', 'cluster-deputy']) {
      expect(optionsOf(page, id)).toContain('Viện kiểm sát nhân dân tỉnh Quảng Bình (VKS-QBI)');
      expect(optionsOf(page, id)).not.toContain('Viện kiểm sát nhân dân tỉnh Quảng Trị (VKS-QTR)');
    }
    expect(visibleText(page)).toContain('Đơn vị không được đánh giá, xếp loại năm 2021 thì không được làm cụm trưởng hay cụm phó năm 2022');
    expect(visibleText(page)).toContain('Vì vậy các ô chọn cụm trưởng, cụm phó chỉ đưa ra những đơn vị không bị hạn chế.');

    // Forced through anyway: the service refuses, the page says why by the unit's name, keeps what was typed.
    const forced = await postForm('/admin/org/clusters', { name: 'Cụm thử 2022', year: '2022', headUnitId: unit['VKS-QTR'].id, deputyUnitId: unit['VKS-QBI'].id }, ['VKS-QTR', 'VKS-QBI', 'VKS-HTI'], 400);
    expect(forced.text).toContain(
      '<div class="alert" role="alert" id="cluster-error"><p>Đơn vị Viện kiểm sát nhân dân tỉnh Quảng Trị không được đánh giá, xếp loại năm 2021 nên không thể làm cụm trưởng hoặc cụm phó.</p></div>',
    );
    expect(forced.text).toContain('value="Cụm thử 2022"');
    expect(forced.text).toContain(`<input type="checkbox" id="member-${unit['VKS-HTI'].id}" name="memberUnitIds" value="${unit['VKS-HTI'].id}" checked>`);
    expect(forced.text).toContain(`<option value="${unit['VKS-QBI'].id}" selected>`);
    expect(await clustersOf(2022)).toEqual([]);

    // The same unit twice.
    const same = await postForm('/admin/org/clusters', { name: 'Cụm thử 2022', year: '2022', headUnitId: unit['VKS-QBI'].id, deputyUnitId: unit['VKS-QBI'].id }, ['VKS-QBI', 'VKS-HTI'], 400);
    expect(same.text).toContain('Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.');
    // A head that is not a ticked member.
    const outside = await postForm('/admin/org/clusters', { name: 'Cụm thử 2022', year: '2022', headUnitId: unit['VKS-THA'].id, deputyUnitId: '' }, ['VKS-QBI', 'VKS-HTI'], 400);
    expect(outside.text).toContain('Cụm trưởng và cụm phó phải là đơn vị thành viên của cụm.');
    const blank = await postForm('/admin/org/clusters', { name: ' ', year: '22', headUnitId: '', deputyUnitId: '' }, [], 400);
    expect(blank.text).toContain('Dữ liệu không hợp lệ: Tên cụm, Năm.');
    expect(await clustersOf(2022)).toEqual([]);

    // On an existing cluster: the refused change is not stored, and the page shows what is.
    const created = (await t.http().post('/api/v1/clusters').set(admin).send({ name: 'Cụm thử 2022', year: 2022, memberUnitIds: [unit['VKS-QTR'].id, unit['VKS-QBI'].id], headUnitId: unit['VKS-QBI'].id }).expect(201)).body as Cluster;
    const refused = await postForm(`/admin/org/clusters/${created.id}`, { name: 'Đổi tên', year: '2022', headUnitId: unit['VKS-QBI'].id, deputyUnitId: unit['VKS-QTR'].id }, ['VKS-QTR', 'VKS-QBI'], 400);
    expect(refused.text).toContain('Đơn vị Viện kiểm sát nhân dân tỉnh Quảng Trị không được đánh giá, xếp loại năm 2021 nên không thể làm cụm trưởng hoặc cụm phó.');
    expect(refused.text).toContain('<h1>Cụm thử 2022 (2022)</h1>');
    expect(refused.text).toContain('<dd data-role="deputy"><span class="muted">Chưa chỉ định</span></dd>');
    expect(refused.text).toContain('value="Đổi tên"');
    expect((await t.http().get(`/api/v1/clusters/${created.id}`).set(admin).expect(200)).body).toMatchObject({ name: 'Cụm thử 2022', deputyUnit: null, headUnit: { code: 'VKS-QBI' } });

    // Its member table says why in words, not colour alone.
    expect(memberRows(refused.text)).toContainEqual(['Viện kiểm sát nhân dân tỉnh Quảng Trị', 'Thành viên', 'Không được đánh giá']);
  });

  it('archives a cluster only with the box ticked, hides it from the year unless asked, and restores it', async () => {
    const created = (await t.http().post('/api/v1/clusters').set(admin).send({ name: 'Cụm sẽ lưu trữ', year: 2023, memberUnitIds: [unit['VKS-THA'].id] }).expect(201)).body as Cluster;
    const page = await pages.page('admin', `/admin/org/clusters/${created.id}`);
    expect(page).toContain(
      '<input type="checkbox" id="cluster-archive-confirm" name="confirm" value="yes" required><label for="cluster-archive-confirm">Tôi xác nhận lưu trữ cụm Cụm sẽ lưu trữ năm 2023</label>',
    );
    const unconfirmed = await pages.post('admin', `/admin/org/clusters/${created.id}/archive`, {}, 400);
    expect(unconfirmed.text).toContain('Dữ liệu không hợp lệ: chưa đánh dấu ô xác nhận lưu trữ.');
    expect((await clustersOf(2023))[0].archivedAt).toBeNull();

    const archived = await pages.post('admin', `/admin/org/clusters/${created.id}/archive`, { confirm: 'yes' }, 303);
    expect(archived.headers.location).toBe(`/admin/org/clusters/${created.id}?flash=archived`);
    expect((await clustersOf(2023))[0].archivedAt).not.toBeNull();
    const archivedPage = await pages.page('admin', archived.headers.location);
    expect(archivedPage).toContain('Đã lưu trữ cụm thi đua.');
    expect(archivedPage).toContain('Cụm đã lưu trữ không sửa được; hãy khôi phục trước.');
    // An edit forced on an archived cluster is refused with the service's message.
    const forced = await postForm(`/admin/org/clusters/${created.id}`, { name: 'Sửa cụm đã lưu trữ', year: '2023', headUnitId: '', deputyUnitId: '' }, ['VKS-THA'], 409);
    expect(forced.text).toContain('Cụm thi đua &quot;Cụm sẽ lưu trữ&quot; năm 2023 đã lưu trữ.');

    expect(await pages.page('admin', '/admin/org/clusters?year=2023')).toContain('Năm 2023 chưa có cụm thi đua nào.');
    const withArchived = await pages.page('admin', '/admin/org/clusters?year=2023&archived=1');
    expect(clusterSection(withArchived, 'Cụm sẽ lưu trữ')).toContain('<span class="badge badge-cancelled">Đã lưu trữ</span>');

    await pages.post('admin', `/admin/org/clusters/${created.id}/restore`, {}, 303);
    expect((await clustersOf(2023))[0].archivedAt).toBeNull();
    expect(clusterSection(await pages.page('admin', '/admin/org/clusters?year=2023'), 'Cụm sẽ lưu trữ')).not.toContain('badge');
  });

  it('speaks English with ?lang=en, refusals included', async () => {
    const page = (await pages.get('admin', '/admin/org/clusters?year=2020', 200, 'en')).text;
    expect(page).toContain('<h1>Clusters of 2020</h1>');
    expect(visibleText(page)).toContain('Head Viện kiểm sát nhân dân tỉnh Thanh Hóa Deputy Viện kiểm sát nhân dân tỉnh Nghệ An');
    expect(visibleText(page)).toContain('A unit that was not evaluated and graded in 2019 cannot be head or deputy in 2020');
    expect(page).toContain('<th scope="col">Evaluation in 2019</th>');
    const refused = await postForm('/admin/org/clusters', { name: 'Cụm thử', year: '2022', headUnitId: unit['VKS-QTR'].id, deputyUnitId: '' }, ['VKS-QTR'], 400, 'en');
    expect(refused.text).toContain('Unit Viện kiểm sát nhân dân tỉnh Quảng Trị was not evaluated in 2021, so it cannot be cluster head or deputy.');
  });

  it('answers 403 to someone who is not an administrator, and writes nothing for them', async () => {
    const [demo] = await clustersOf(2020);
    await pages.get('thanhhoa.canbo', '/admin/org/clusters', 403);
    await pages.get('thanhhoa.canbo', `/admin/org/clusters/${demo.id}`, 403);
    await pages.post('thanhhoa.canbo', '/admin/org/clusters', { name: 'Không được thêm', year: '2024' }, 403);
    await pages.post('thanhhoa.canbo', `/admin/org/clusters/${demo.id}/archive`, { confirm: 'yes' }, 403);
    expect(await clustersOf(2024)).toEqual([]);
    expect((await clustersOf(2020))[0].archivedAt).toBeNull();
  });
});

type Grant = { id: string; role: string; person: { username: string }; scopeUnit: UnitRef | null; revokedAt: string | null; grantedBy: { username: string } | null };

/** A grant's row of the roles page, its cells as read. */
function grantRow(page: string, key: string): string[] {
  const row = new RegExp(`<tr data-grant="${key}">([\\s\\S]*?)</tr>`).exec(page)?.[1];
  if (!row) throw new Error(`The page lists no grant ${key}`);
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => visibleText(cell).trim());
}

// The role grants page is part of the same organisation pages' work (issue 14 item 4, part B); its suite lives here.
describe('organisation pages: role grants (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let pages: ReturnType<typeof pageSessions>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    pages = pageSessions(t);
  });
  afterAll(() => t.close());

  const grants = async (): Promise<Grant[]> => (await t.http().get('/api/v1/role-grants').query({ includeRevoked: 'true', limit: 500 }).set(admin).expect(200)).body.items;
  const personId = async (username: string): Promise<string> =>
    (await t.http().get('/api/v1/people').query({ q: username }).set(admin).expect(200)).body.items.find((person: { username: string }) => person.username === username).id;

  it('lists the grants by person name with the role in words, its scope by name, when and by whom', async () => {
    const page = await pages.page('admin', '/admin/org/roles');
    expect(page).toContain('<h1>Phân quyền</h1>');
    expect(page).toContain('<a href="/admin/org/roles" aria-current="page" class="current">Phân quyền</a>');
    const [person, role, scope, when, by, status] = grantRow(page, 'admin:admin');
    expect([person, role, scope, by]).toEqual(['Quản trị hệ thống admin', 'Quản trị hệ thống', 'Toàn hệ thống', 'Không ghi nhận']);
    expect(when).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(status).toBe('Đang có hiệu lực Tôi xác nhận thu hồi quyền “Quản trị hệ thống” của Quản trị hệ thống Thu hồi quyền');
    expect(grantRow(page, 'tdkt.vutruong:council-member').slice(0, 3)).toEqual(['Nguyễn Văn Khen tdkt.vutruong', 'Thành viên Hội đồng Thi đua - Khen thưởng', 'Vụ Thi đua - Khen thưởng, Viện kiểm sát nhân dân tối cao']);
    expect(visibleText(page)).not.toMatch(UUID);
  });

  it('grants a role to a person found by name, records who granted it, refuses it twice, and revokes it only with the box ticked', async () => {
    // By part of a full name: the choice offers those people, by name and username.
    const search = await pages.page('admin', '/admin/org/roles?person=Phạm Thị Lan');
    expect(optionsOf(search, 'role-person')).toEqual(['(Chọn cán bộ)', 'Phạm Thị Lan (nghean.canbo)']);
    const byUsername = await pages.page('admin', '/admin/org/roles?person=nghean.canbo');
    expect(optionsOf(byUsername, 'role-person')).toHaveLength(2);
    expect(byUsername).toMatch(/<p class="muted" role="status" id="role-people-found">Tìm thấy 1 cán bộ phù hợp với “nghean.canbo”.<\/p>/);
    expect(optionsOf(byUsername, 'role-role')).toEqual(['(Chọn quyền)', 'Quản trị hệ thống', 'Thành viên Hội đồng Thi đua - Khen thưởng', 'Thư ký']);

    const before = await grants();
    const nghean = await personId('nghean.canbo');
    const granted = await pages.post('admin', '/admin/org/roles', { personId: nghean, role: 'secretary', scopeUnitId: '' }, 303);
    expect(granted.headers.location).toBe('/admin/org/roles?flash=granted');
    const after = await grants();
    expect(after).toHaveLength(before.length + 1);
    const secretary = after.find((grant) => grant.person.username === 'nghean.canbo')!;
    expect(secretary).toMatchObject({ role: 'secretary', scopeUnit: null, revokedAt: null, grantedBy: { username: 'admin' } });
    const listed = await pages.page('admin', granted.headers.location);
    expect(listed).toContain('<p class="flash" role="status">Đã cấp quyền.</p>');
    const row = grantRow(listed, 'nghean.canbo:secretary');
    expect([row[1], row[2], row[4]]).toEqual(['Thư ký', 'Toàn hệ thống', 'Quản trị hệ thống']);

    // The same role again: refused with the role in words, the choice kept, nothing stored.
    const twice = await pages.post('admin', '/admin/org/roles', { personId: nghean, role: 'secretary', scopeUnitId: '' }, 409);
    expect(twice.text).toContain('<div class="alert" role="alert" id="role-error"><p>Phạm Thị Lan đã có vai trò “Thư ký” trên toàn hệ thống.</p></div>');
    expect(twice.text).toContain(`<option value="${nghean}" selected>`);
    expect(twice.text).toContain('<option value="secretary" selected>Thư ký</option>');
    const noRole = await pages.post('admin', '/admin/org/roles', { personId: nghean, role: 'chairman', scopeUnitId: '' }, 400);
    expect(noRole.text).toContain('Dữ liệu không hợp lệ: Quyền.');
    expect(await grants()).toHaveLength(before.length + 1);

    // Limited to a unit chosen by name.
    const tdkt = (await t.http().get('/api/v1/units').query({ limit: 500 }).set(admin).expect(200)).body.items.find((unit: UnitRef) => unit.code === 'VKSNDTC-TDKT') as UnitRef;
    await pages.post('admin', '/admin/org/roles', { personId: nghean, role: 'council-member', scopeUnitId: tdkt.id }, 303);
    expect(grantRow(await pages.page('admin', '/admin/org/roles'), 'nghean.canbo:council-member')[2]).toBe('Vụ Thi đua - Khen thưởng, Viện kiểm sát nhân dân tối cao');

    const unconfirmed = await pages.post('admin', `/admin/org/roles/${secretary.id}/revoke`, {}, 400);
    expect(unconfirmed.text).toContain('Dữ liệu không hợp lệ: chưa đánh dấu ô xác nhận thu hồi.');
    expect((await grants()).find((grant) => grant.id === secretary.id)!.revokedAt).toBeNull();
    const revoked = await pages.post('admin', `/admin/org/roles/${secretary.id}/revoke`, { confirm: 'yes' }, 303);
    expect(revoked.headers.location).toBe('/admin/org/roles?flash=revoked');
    expect((await grants()).find((grant) => grant.id === secretary.id)!.revokedAt).not.toBeNull();
    const revokedPage = await pages.page('admin', revoked.headers.location);
    expect(revokedPage).toContain('Đã thu hồi quyền.');
    expect(revokedPage).not.toContain('data-grant="nghean.canbo:secretary"');
    expect(grantRow(await pages.page('admin', '/admin/org/roles?revoked=1'), 'nghean.canbo:secretary')[5]).toMatch(/^Đã thu hồi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it('refuses to revoke the last administrator, with the service’s message, leaving the grant active', async () => {
    const adminGrant = (await grants()).find((grant) => grant.role === 'admin' && !grant.revokedAt)!;
    const refused = await pages.post('admin', `/admin/org/roles/${adminGrant.id}/revoke`, { confirm: 'yes' }, 409);
    expect(refused.text).toContain('Không thể bỏ quản trị viên cuối cùng của hệ thống.');
    expect((await grants()).find((grant) => grant.id === adminGrant.id)!.revokedAt).toBeNull();
  });

  it('speaks English with ?lang=en, and answers 403 to someone who is not an administrator, writing nothing for them', async () => {
    const page = (await pages.get('admin', '/admin/org/roles', 200, 'en')).text;
    expect(page).toContain('<h1>Roles</h1>');
    expect(grantRow(page, 'admin:admin').slice(1, 3)).toEqual(['Administrator', 'Everywhere']);
    expect(page).toContain('<th scope="col">Granted by</th>');

    const before = await grants();
    await pages.get('thanhhoa.canbo', '/admin/org/roles', 403);
    await pages.post('thanhhoa.canbo', '/admin/org/roles', { personId: await personId('thanhhoa.canbo'), role: 'admin', scopeUnitId: '' }, 403);
    await pages.post('thanhhoa.canbo', `/admin/org/roles/${before[0].id}/revoke`, { confirm: 'yes' }, 403);
    expect(await grants()).toEqual(before);
  });
});
