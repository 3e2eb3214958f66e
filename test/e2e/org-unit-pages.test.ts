import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Unit = { id: string; code: string; name: string; shortName: string | null; parentId: string | null; archivedAt: string | null };

/** Each unit of the tree with the unit it is listed under, read from the nested lists as a screen reader walks them. */
function treeOf(page: string): Map<string, string | null> {
  const tree = /<nav class="unit-tree"[^>]*>([\s\S]*?)<\/nav>/.exec(page)?.[1];
  if (!tree) throw new Error('The page has no unit tree');
  const parents = new Map<string, string | null>();
  const open: Array<string | null> = [];
  let last: string | null = null;
  for (const [token, code] of tree.matchAll(/<li data-unit="([^"]+)">|<ul>|<\/ul>/g)) {
    if (code) {
      parents.set(code, open[open.length - 1] ?? null);
      last = code;
    } else if (token === '<ul>') open.push(open.length ? last : null);
    else open.pop();
  }
  return parents;
}

/** What a person reads: the page without its tags. */
const visibleText = (page: string): string => page.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('organisation pages: units (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let pages: ReturnType<typeof pageSessions>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    pages = pageSessions(t);
  });
  afterAll(() => t.close());

  const units = async (): Promise<Unit[]> => (await t.http().get('/api/v1/units').query({ includeArchived: 'true', limit: 500 }).set(admin).expect(200)).body.items;
  const unit = async (code: string): Promise<Unit> => {
    const found = (await units()).find((candidate) => candidate.code === code);
    if (!found) throw new Error(`unit ${code} not found`);
    return found;
  };

  it('shows the unit tree, parents above their children, by name and code, with no id in sight', async () => {
    const page = await pages.page('admin', '/admin/org/units');
    const tree = treeOf(page);
    expect(tree.get('VKSNDTC')).toBeNull();
    for (const code of ['VKSNDTC-TDKT', 'VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI', 'VKS-QTR', 'VKS-TTH']) expect(tree.get(code)).toBe('VKSNDTC');
    expect(page).toContain('Viện kiểm sát nhân dân tỉnh Thanh Hóa</a> <code>VKS-THA</code> <span class="short">· VKSND Thanh Hóa</span>');
    expect(page).toContain('<a href="/admin/org/units" aria-current="page" class="current">Đơn vị</a>');
    expect(page).toContain('<option value="">(Không có: đơn vị cấp cao nhất)</option>');
    expect(page).toMatch(/<option value="[^"]+">Viện kiểm sát nhân dân tỉnh Nghệ An \(VKS-NAN\)<\/option>/);
    expect(visibleText(page)).not.toMatch(UUID);
  });

  it('adds a unit under a parent chosen by name, then edits its name, short name and parent', async () => {
    const supreme = await unit('VKSNDTC');
    const added = await pages.post('admin', '/admin/org/units', { code: 'VKS-HNO', name: 'Viện kiểm sát nhân dân thành phố Hà Nội', shortName: '', parentId: supreme.id }, 303);
    const created = await unit('VKS-HNO');
    expect(added.headers.location).toBe(`/admin/org/units/${created.id}?flash=created`);
    expect(created).toMatchObject({ name: 'Viện kiểm sát nhân dân thành phố Hà Nội', shortName: null, parentId: supreme.id, archivedAt: null });

    const page = await pages.page('admin', added.headers.location);
    expect(page).toContain('<p class="flash" role="status">Đã thêm đơn vị.</p>');
    expect(page).toContain(`<dt>Đơn vị cấp trên</dt><dd><a href="/admin/org/units/${supreme.id}">Viện kiểm sát nhân dân tối cao</a></dd>`);
    expect(visibleText(page)).not.toMatch(UUID);
    expect(treeOf(await pages.page('admin', '/admin/org/units')).get('VKS-HNO')).toBe('VKSNDTC');

    const thanhHoa = await unit('VKS-THA');
    await pages.post('admin', `/admin/org/units/${created.id}`, { name: 'VKSND thành phố Hà Nội (sửa)', shortName: 'VKSND Hà Nội', parentId: thanhHoa.id }, 303);
    expect(await unit('VKS-HNO')).toMatchObject({ name: 'VKSND thành phố Hà Nội (sửa)', shortName: 'VKSND Hà Nội', parentId: thanhHoa.id });
    expect(treeOf(await pages.page('admin', '/admin/org/units')).get('VKS-HNO')).toBe('VKS-THA');
    // The edit form no longer offers the unit itself as its parent.
    const edited = await pages.page('admin', `/admin/org/units/${created.id}?flash=saved`);
    expect(edited).toContain('Đã lưu thay đổi.');
    expect(edited).not.toContain(`<option value="${created.id}"`);
    expect(edited).toContain(`<option value="${thanhHoa.id}" selected>Viện kiểm sát nhân dân tỉnh Thanh Hóa (VKS-THA)</option>`);

    // Back to the top level: the empty choice.
    await pages.post('admin', `/admin/org/units/${created.id}`, { name: 'Viện kiểm sát nhân dân thành phố Hà Nội', shortName: '', parentId: '' }, 303);
    expect(await unit('VKS-HNO')).toMatchObject({ shortName: null, parentId: null });
  });

  it('refuses a duplicate code with the catalog message and 409, keeps what was typed, and writes nothing', async () => {
    const before = await units();
    const thanhHoa = before.find((candidate) => candidate.code === 'VKS-THA')!;
    const refused = await pages.post('admin', '/admin/org/units', { code: 'VKS-THA', name: 'Bản sao của Thanh Hóa', shortName: 'Bản sao', parentId: '' }, 409);
    expect(refused.text).toContain('<div class="alert" role="alert" id="unit-error"><p>Mã đơn vị VKS-THA đã được sử dụng.</p></div>');
    expect(refused.text).toContain('value="Bản sao của Thanh Hóa"');
    expect(treeOf(refused.text).get('VKS-THA')).toBe('VKSNDTC');
    const after = await units();
    expect(after).toHaveLength(before.length);
    expect(after.find((candidate) => candidate.code === 'VKS-THA')).toEqual(thanhHoa);

    const invalid = await pages.post('admin', '/admin/org/units', { code: 'vks thường', name: 'Chữ thường', parentId: '' }, 400);
    expect(invalid.text).toContain('Dữ liệu không hợp lệ: Mã đơn vị.');
    const blank = await pages.post('admin', '/admin/org/units', { code: 'VKS-XYZ', name: '  ', parentId: '' }, 400);
    expect(blank.text).toContain('Dữ liệu không hợp lệ: Tên đơn vị.');
    expect(await units()).toHaveLength(before.length);
  });

  it('refuses to move a unit under its own child, leaving it where it was', async () => {
    const parent = (await t.http().post('/api/v1/units').set(admin).send({ code: 'VKS-CHA', name: 'Đơn vị cha' }).expect(201)).body as Unit;
    const child = (await t.http().post('/api/v1/units').set(admin).send({ code: 'VKS-CON', name: 'Đơn vị con', parentId: parent.id }).expect(201)).body as Unit;
    const refused = await pages.post('admin', `/admin/org/units/${parent.id}`, { name: 'Đơn vị cha (đổi tên)', shortName: '', parentId: child.id }, 400);
    expect(refused.text).toContain('Đơn vị cấp trên tạo thành vòng lặp.');
    expect(refused.text).toContain('value="Đơn vị cha (đổi tên)"');
    expect(await unit('VKS-CHA')).toMatchObject({ name: 'Đơn vị cha', parentId: null });
  });

  it('archives only once the box is ticked, hides archived units unless asked, and restores them', async () => {
    const created = (await t.http().post('/api/v1/units').set(admin).send({ code: 'VKS-LUU', name: 'Đơn vị sẽ lưu trữ', parentId: (await unit('VKSNDTC')).id }).expect(201)).body as Unit;
    const page = await pages.page('admin', `/admin/org/units/${created.id}`);
    expect(page).toMatch(/<input type="checkbox" id="unit-archive-confirm" name="confirm" value="yes" required><label for="unit-archive-confirm">Tôi xác nhận lưu trữ đơn vị Đơn vị sẽ lưu trữ<\/label>/);

    const unconfirmed = await pages.post('admin', `/admin/org/units/${created.id}/archive`, {}, 400);
    expect(unconfirmed.text).toContain('Dữ liệu không hợp lệ: chưa đánh dấu ô xác nhận lưu trữ.');
    expect((await unit('VKS-LUU')).archivedAt).toBeNull();

    const archived = await pages.post('admin', `/admin/org/units/${created.id}/archive`, { confirm: 'yes' }, 303);
    expect(archived.headers.location).toBe(`/admin/org/units/${created.id}?flash=archived`);
    expect((await unit('VKS-LUU')).archivedAt).not.toBeNull();
    const archivedPage = await pages.page('admin', archived.headers.location);
    expect(archivedPage).toContain('Đã lưu trữ đơn vị.');
    expect(archivedPage).toContain('Đơn vị đã lưu trữ không sửa được; hãy khôi phục trước.');
    expect(archivedPage).toContain('>Khôi phục đơn vị</button>');

    expect(treeOf(await pages.page('admin', '/admin/org/units')).has('VKS-LUU')).toBe(false);
    const withArchived = await pages.page('admin', '/admin/org/units?archived=1');
    expect(treeOf(withArchived).get('VKS-LUU')).toBe('VKSNDTC');
    expect(withArchived).toMatch(/<li data-unit="VKS-LUU">.*<span class="badge badge-cancelled">Đã lưu trữ<\/span>/);
    // An archived unit is no longer offered as a parent.
    expect(withArchived).not.toContain(`<option value="${created.id}"`);

    await pages.post('admin', `/admin/org/units/${created.id}/restore`, {}, 303);
    expect((await unit('VKS-LUU')).archivedAt).toBeNull();
    expect(treeOf(await pages.page('admin', '/admin/org/units')).get('VKS-LUU')).toBe('VKSNDTC');
  });

  it('refuses to archive a unit with active children, with the service’s message', async () => {
    const supreme = await unit('VKSNDTC');
    const refused = await pages.post('admin', `/admin/org/units/${supreme.id}/archive`, { confirm: 'yes' }, 409);
    expect(refused.text).toMatch(/Đơn vị Viện kiểm sát nhân dân tối cao \(VKSNDTC\) còn \d+ đơn vị trực thuộc đang hoạt động; hãy lưu trữ hoặc chuyển chúng trước\./);
    expect((await unit('VKSNDTC')).archivedAt).toBeNull();
  });

  it('lists the people holding a mandate for the unit today, by name and role', async () => {
    const thanhHoa = await unit('VKS-THA');
    const page = await pages.page('admin', `/admin/org/units/${thanhHoa.id}`);
    const people = /<section class="unit-people">([\s\S]*?)<\/section>/.exec(page)![1];
    expect(people).toMatch(/<th scope="row"><a href="\/admin\/org\/people\/[^"]+">Lê Văn Thành<\/a><\/th>\s*<td>thanhhoa.vientruong<\/td>\s*<td>Thủ trưởng đơn vị<\/td>\s*<td><time datetime="2020-01-01">01\/01\/2020<\/time><\/td>\s*<td>Không thời hạn<\/td>/);
    expect(people).toContain('Nguyễn Thị Hoa');
    expect(people).toContain('<td>Cán bộ</td>');
    expect(people).not.toContain('Phạm Thị Lan');
    expect(visibleText(page)).not.toMatch(UUID);
  });

  it('records a year as not evaluated, which then bars the unit from leading a cluster the year after, and flips it back', async () => {
    const quangTri = await unit('VKS-QTR');
    const evaluations = async () => (await t.http().get(`/api/v1/units/${quangTri.id}/evaluations`).set(admin).expect(200)).body as Array<{ year: number; evaluated: boolean }>;
    const before = await evaluations();
    expect(before.some((evaluation) => evaluation.year === 2030)).toBe(false);
    const page = await pages.page('admin', `/admin/org/units/${quangTri.id}`);
    expect(page).toMatch(/<tr data-year="2019">\s*<th scope="row">2019<\/th>\s*<td><strong>Được đánh giá<\/strong><\/td>/);

    const recorded = await pages.post('admin', `/admin/org/units/${quangTri.id}/evaluations`, { year: '2030', evaluated: 'false' }, 303);
    expect(recorded.headers.location).toBe(`/admin/org/units/${quangTri.id}?flash=evaluation&year=2030`);
    const after = await pages.page('admin', recorded.headers.location);
    expect(after).toContain('Đã ghi kết quả đánh giá năm 2030.');
    expect(after).toMatch(/<tr data-year="2030">\s*<th scope="row">2030<\/th>\s*<td><strong>Không được đánh giá<\/strong><\/td>/);
    expect(after).toContain('Đổi thành “được đánh giá” (năm 2030)');
    const stored = await evaluations();
    expect(stored.map(({ year, evaluated }) => ({ year, evaluated }))).toEqual([{ year: 2030, evaluated: false }, ...before.map(({ year, evaluated }) => ({ year, evaluated }))]);

    const members = { year: 2031, memberUnitIds: [quangTri.id, (await unit('VKS-QBI')).id] };
    const barred = await t.http().post('/api/v1/clusters').set(admin).send({ ...members, name: 'Cụm thử 2031', headUnitId: quangTri.id }).expect(400);
    expect(barred.body.code).toBe('CLUSTER_LEADER_NOT_EVALUATED');

    await pages.post('admin', `/admin/org/units/${quangTri.id}/evaluations`, { year: '2030', evaluated: 'true' }, 303);
    await t.http().post('/api/v1/clusters').set(admin).send({ ...members, name: 'Cụm thử 2031', headUnitId: quangTri.id }).expect(201);

    const invalid = await pages.post('admin', `/admin/org/units/${quangTri.id}/evaluations`, { year: '20', evaluated: 'true' }, 400);
    expect(invalid.text).toContain('Dữ liệu không hợp lệ: Năm.');
    const noChoice = await pages.post('admin', `/admin/org/units/${quangTri.id}/evaluations`, { year: '2018', evaluated: 'maybe' }, 400);
    expect(noChoice.text).toContain('Dữ liệu không hợp lệ: Kết quả.');
    expect(await evaluations()).toHaveLength(before.length + 1);
  });

  it('answers 403 to someone who is not an administrator, and writes nothing for them', async () => {
    const thanhHoa = await unit('VKS-THA');
    await pages.get('thanhhoa.canbo', '/admin/org/units', 403);
    await pages.get('thanhhoa.canbo', `/admin/org/units/${thanhHoa.id}`, 403);
    const refused = await pages.post('thanhhoa.canbo', '/admin/org/units', { code: 'VKS-CAM', name: 'Không được thêm', parentId: '' }, 403);
    expect(refused.text).toContain('403');
    await pages.post('thanhhoa.canbo', `/admin/org/units/${thanhHoa.id}/archive`, { confirm: 'yes' }, 403);
    expect((await units()).some((candidate) => candidate.code === 'VKS-CAM')).toBe(false);
    expect((await unit('VKS-THA')).archivedAt).toBeNull();
  });

  it('speaks English when chosen, refusals too', async () => {
    const page = (await pages.get('admin', '/admin/org/units', 200, 'en')).text;
    expect(page).toContain('<h1>Units</h1>');
    expect(page).toContain('Add a unit');
    expect(page).toContain('Archived units too');
    expect(page).toContain('(None: a top-level unit)');
    const refused = await pages.post('admin', '/admin/org/units', { code: 'VKS-THA', name: 'Copy', parentId: '' }, 409, 'en');
    expect(refused.text).toContain('<p>Unit code VKS-THA is already in use.</p>');
    const quangBinh = await unit('VKS-QBI');
    const unitPage = (await pages.get('admin', `/admin/org/units/${quangBinh.id}`, 200, 'en')).text;
    for (const text of ['People holding a mandate valid today', 'Evaluation by year', 'Head of unit', 'I confirm archiving Viện kiểm sát nhân dân tỉnh Quảng Bình', 'Open-ended']) {
      expect(unitPage).toContain(text);
    }
    const unconfirmed = await pages.post('admin', `/admin/org/units/${quangBinh.id}/archive`, {}, 400, 'en');
    expect(unconfirmed.text).toContain('Invalid data: the archiving confirmation box is not ticked.');
  });
});
