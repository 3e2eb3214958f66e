import { pageSessions, signInWithForm } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Person = { id: string; username: string; fullName: string; email: string | null; position: string | null; archivedAt: string | null };
type Mandate = { id: string; person: { id: string }; unit: { id: string; code: string }; role: string; validFrom: string; validTo: string | null };

/** The usernames of the list's rows, in order. */
const rowsOf = (page: string): string[] => [...page.matchAll(/<tr data-person="([^"]+)">/g)].map((match) => match[1]);
/** What a person reads: the page without its tags. */
const visibleText = (page: string): string => page.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** The row of one mandate on a person's page. */
const mandateRow = (page: string, id: string): string => {
  const row = new RegExp(`<tr data-mandate="${id}">([\\s\\S]*?)</tr>`).exec(page)?.[1];
  if (!row) throw new Error(`mandate ${id} is not listed`);
  return row;
};

describe('organisation pages: people and mandates (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let pages: ReturnType<typeof pageSessions>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    pages = pageSessions(t);
  });
  afterAll(() => t.close());

  const everyone = async (query: Record<string, string> = {}): Promise<{ items: Person[]; total: number }> =>
    (await t.http().get('/api/v1/people').query({ limit: 500, ...query }).set(admin).expect(200)).body;
  const person = async (username: string): Promise<Person> => {
    const found = (await everyone({ includeArchived: 'true' })).items.find((candidate) => candidate.username === username);
    if (!found) throw new Error(`person ${username} not found`);
    return found;
  };
  const unitId = async (code: string): Promise<string> =>
    (await t.http().get('/api/v1/units').query({ includeArchived: 'true' }).set(admin).expect(200)).body.items.find((unit: { code: string }) => unit.code === code).id;
  const mandatesOf = async (personId: string): Promise<Mandate[]> => (await t.http().get('/api/v1/mandates').query({ personId }).set(admin).expect(200)).body.items;

  it('lists everyone 50 to a page, each once, and searches by username or name', async () => {
    const { items, total } = await everyone();
    expect(total).toBeGreaterThan(50);
    const first = await pages.page('admin', '/admin/org/people');
    expect(rowsOf(first)).toEqual(items.slice(0, 50).map((p) => p.username));
    expect(first).toContain(`<p class="muted" role="status">Có ${total} cán bộ.</p>`);
    expect(first).toContain('<li aria-current="page">Trang 1/2</li>');
    expect(first).toContain('<a href="/admin/org/people?page=2" rel="next">');
    const second = await pages.page('admin', '/admin/org/people?page=2');
    expect(rowsOf(second)).toEqual(items.slice(50).map((p) => p.username));
    expect(second).toContain('<a href="/admin/org/people?page=1" rel="prev">');
    // Past the end shows the last page.
    expect(rowsOf(await pages.page('admin', '/admin/org/people?page=9'))).toEqual(rowsOf(second));
    expect(visibleText(first)).not.toMatch(UUID);

    const byUsername = await pages.page('admin', '/admin/org/people?q=thanhhoa');
    const expected = (await everyone({ q: 'thanhhoa' })).items.map((p) => p.username);
    expect(expected).toEqual(expect.arrayContaining(['thanhhoa.canbo', 'thanhhoa.vientruong']));
    expect(rowsOf(byUsername)).toEqual(expected);
    expect(byUsername).toContain(`Tìm thấy ${expected.length} cán bộ.`);
    expect(byUsername).toContain('<input id="people-search" name="q" type="search" maxlength="100" value="thanhhoa">');
    expect(byUsername).not.toContain('class="pager"');

    const byName = await pages.page('admin', `/admin/org/people?q=${encodeURIComponent('Lê Văn Thành')}`);
    expect(rowsOf(byName)).toEqual(['thanhhoa.vientruong']);
    expect(byName).toMatch(/<th scope="row"><a href="\/admin\/org\/people\/[^"]+">Lê Văn Thành<\/a><\/th>\s*<td>thanhhoa.vientruong<\/td>\s*<td><\/td>\s*<td>Viện trưởng VKSND Thanh Hóa<\/td>/);
    expect(rowsOf(await pages.page('admin', '/admin/org/people?q=khong-co-ai'))).toEqual([]);

    // Vietnamese capitals fold on both databases: "đặng" finds every Đặng, as "ĐẶNG" does.
    const dang = (await everyone()).items.filter((p) => p.fullName.startsWith('Đặng ')).map((p) => p.username);
    expect(dang.length).toBeGreaterThan(0);
    expect((await everyone({ q: 'đặng' })).items.map((p) => p.username)).toEqual(expect.arrayContaining(dang));
    expect((await everyone({ q: 'ĐẶNG' })).items.map((p) => p.username)).toEqual(expect.arrayContaining(dang));
    expect(rowsOf(await pages.page('admin', `/admin/org/people?q=${encodeURIComponent('đặng')}`))).toEqual(expect.arrayContaining(dang.slice(0, 1)));
  });

  it('adds a person who can then sign in with the initial password', async () => {
    const added = await pages.post(
      'admin',
      '/admin/org/people',
      { username: 'quangbinh.canbo2', fullName: 'Trần Thị Mai', email: 'mai@vks-quangbinh.example.vn', position: 'Cán bộ thi đua', password: 'mat-khau-ban-dau' },
      303,
    );
    const created = await person('quangbinh.canbo2');
    expect(added.headers.location).toBe(`/admin/org/people/${created.id}?flash=created`);
    expect(created).toMatchObject({ fullName: 'Trần Thị Mai', email: 'mai@vks-quangbinh.example.vn', position: 'Cán bộ thi đua', archivedAt: null });
    const page = await pages.page('admin', added.headers.location);
    expect(page).toContain('<h1>Trần Thị Mai</h1>');
    expect(page).toContain('<p class="flash" role="status">Đã thêm cán bộ.</p>');
    expect(page).toContain('Chưa có ủy quyền nào.');
    expect(page).not.toContain('mat-khau-ban-dau');
    await signInWithForm(t, 'quangbinh.canbo2', 'mat-khau-ban-dau');
  });

  it('refuses a taken username with 409 and the catalog message, keeping what was typed and writing nothing', async () => {
    const before = await everyone({ includeArchived: 'true' });
    const original = await person('thanhhoa.canbo');
    const refused = await pages.post('admin', '/admin/org/people', { username: 'thanhhoa.canbo', fullName: 'Người trùng tên', email: '', position: 'Thử', password: '' }, 409);
    expect(refused.text).toContain('<div class="alert" role="alert" id="person-error"><p>Tên đăng nhập thanhhoa.canbo đã được sử dụng.</p></div>');
    expect(refused.text).toContain('value="Người trùng tên"');
    expect((await everyone({ includeArchived: 'true' })).total).toBe(before.total);
    expect(await person('thanhhoa.canbo')).toEqual(original);

    const invalid = await pages.post('admin', '/admin/org/people', { username: 'Viết Hoa', fullName: 'Sai', password: 'ngan' }, 400);
    expect(invalid.text).toContain('Dữ liệu không hợp lệ: Tên đăng nhập, Mật khẩu ban đầu.');
    expect((await everyone({ includeArchived: 'true' })).total).toBe(before.total);
  });

  it('edits a person: a blank password keeps the old one, a new one replaces it, blank e-mail clears it', async () => {
    await t.http().post('/api/v1/people').set(admin).send({ username: 'sua.thongtin', fullName: 'Sửa Thông Tin', email: 'cu@example.vn', password: 'mat-khau-cu-1' }).expect(201);
    const target = await person('sua.thongtin');
    const form = await pages.page('admin', `/admin/org/people/${target.id}`);
    expect(form).toContain('<input id="person-email" name="email" type="email" maxlength="255" value="cu@example.vn">');

    await pages.post('admin', `/admin/org/people/${target.id}`, { username: 'sua.thongtin', fullName: 'Sửa Thông Tin (mới)', email: '', position: 'Kiểm tra viên', password: '' }, 303);
    expect(await person('sua.thongtin')).toMatchObject({ fullName: 'Sửa Thông Tin (mới)', email: null, position: 'Kiểm tra viên' });
    await signInWithForm(t, 'sua.thongtin', 'mat-khau-cu-1');

    const saved = await pages.post('admin', `/admin/org/people/${target.id}`, { username: 'sua.thongtin', fullName: 'Sửa Thông Tin (mới)', email: '', position: '', password: 'mat-khau-moi-2' }, 303);
    expect(await pages.page('admin', saved.headers.location)).toContain('Đã lưu thay đổi.');
    await signInWithForm(t, 'sua.thongtin', 'mat-khau-moi-2');
    await t.http().post('/api/v1/auth/sign-in').send({ username: 'sua.thongtin', password: 'mat-khau-cu-1' }).expect(401);

    const taken = await pages.post('admin', `/admin/org/people/${target.id}`, { username: 'nghean.canbo', fullName: 'Đổi tên', email: '', position: '', password: '' }, 409);
    expect(taken.text).toContain('Tên đăng nhập nghean.canbo đã được sử dụng.');
    expect(taken.text).toContain('<input id="person-username" name="username" type="text"');
    expect(taken.text).toContain('value="nghean.canbo"');
    expect(await person('sua.thongtin')).toMatchObject({ username: 'sua.thongtin', fullName: 'Sửa Thông Tin (mới)' });
  });

  it('archives from the list and restores from the person’s page; the last administrator cannot be archived', async () => {
    await t.http().post('/api/v1/people').set(admin).send({ username: 'luu.tru', fullName: 'Lưu Trữ Thử' }).expect(201);
    const target = await person('luu.tru');
    const archived = await pages.post('admin', `/admin/org/people/${target.id}/archive`, { back: 'list' }, 303);
    expect(archived.headers.location).toBe('/admin/org/people?flash=archived');
    expect((await person('luu.tru')).archivedAt).not.toBeNull();
    expect(await pages.page('admin', archived.headers.location)).toContain('Đã lưu trữ cán bộ; họ không đăng nhập được nữa.');
    expect(rowsOf(await pages.page('admin', '/admin/org/people?q=luu.tru'))).toEqual([]);
    const withArchived = await pages.page('admin', '/admin/org/people?q=luu.tru&archived=1');
    expect(rowsOf(withArchived)).toEqual(['luu.tru']);
    expect(withArchived).toMatch(/<td>Đã lưu trữ<\/td>\s*<td><form method="post" action="\/admin\/org\/people\/[^"]+\/restore"/);
    const page = await pages.page('admin', `/admin/org/people/${target.id}`);
    expect(page).toContain('Cán bộ đã lưu trữ không sửa được và không được giao ủy quyền; hãy khôi phục trước.');
    expect(page).not.toContain('id="mandate-unit"');

    const restored = await pages.post('admin', `/admin/org/people/${target.id}/restore`, { back: 'person' }, 303);
    expect(restored.headers.location).toBe(`/admin/org/people/${target.id}?flash=restored`);
    expect((await person('luu.tru')).archivedAt).toBeNull();

    const adminPerson = await person('admin');
    const refused = await pages.post('admin', `/admin/org/people/${adminPerson.id}/archive`, { back: 'list' }, 409);
    expect(refused.text).toContain('<p>Không thể bỏ quản trị viên cuối cùng của hệ thống.</p>');
    expect(rowsOf(refused.text)).toContain('admin');
    expect((await person('admin')).archivedAt).toBeNull();
  });

  it('gives a mandate in a unit chosen by name, lists it with its validity, ends it, and refuses an end before its start', async () => {
    await t.http().post('/api/v1/people').set(admin).send({ username: 'uy.quyen', fullName: 'Ủy Quyền Thử' }).expect(201);
    const target = await person('uy.quyen');
    const haTinh = await unitId('VKS-HTI');
    const page = await pages.page('admin', `/admin/org/people/${target.id}`);
    expect(page).toContain(`<option value="${haTinh}">Viện kiểm sát nhân dân tỉnh Hà Tĩnh (VKS-HTI)</option>`);

    const noUnit = await pages.post('admin', `/admin/org/people/${target.id}/mandates`, { unitId: '', role: 'deputy', validFrom: '2020-03-01', validTo: '' }, 400);
    expect(noUnit.text).toContain('Dữ liệu không hợp lệ: Đơn vị.');
    expect(noUnit.text).toContain('<option value="deputy" selected>Cấp phó</option>');
    const backwards = await pages.post('admin', `/admin/org/people/${target.id}/mandates`, { unitId: haTinh, role: 'deputy', validFrom: '2020-03-01', validTo: '2020-02-01' }, 400);
    expect(backwards.text).toContain('Ngày kết thúc phải sau ngày bắt đầu.');
    expect(await mandatesOf(target.id)).toEqual([]);

    const added = await pages.post('admin', `/admin/org/people/${target.id}/mandates`, { unitId: haTinh, role: 'deputy', validFrom: '2020-03-01', validTo: '' }, 303);
    expect(added.headers.location).toBe(`/admin/org/people/${target.id}?flash=mandate-added`);
    const [mandate] = await mandatesOf(target.id);
    expect(mandate).toMatchObject({ unit: { code: 'VKS-HTI' }, role: 'deputy', validFrom: '2020-03-01', validTo: null });
    const withMandate = await pages.page('admin', added.headers.location);
    expect(withMandate).toContain('Đã giao ủy quyền.');
    expect(mandateRow(withMandate, mandate.id)).toMatch(
      /<th scope="row"><a href="\/admin\/org\/units\/[^"]+">Viện kiểm sát nhân dân tỉnh Hà Tĩnh<\/a><\/th>\s*<td>Cấp phó<\/td>\s*<td><time datetime="2020-03-01">01\/03\/2020<\/time><\/td>\s*<td>Không thời hạn<\/td>\s*<td><span class="badge badge-current">Đang hiệu lực<\/span><\/td>/,
    );
    expect(visibleText(withMandate)).not.toMatch(UUID);
    // The unit's page lists them among its people today.
    expect(await pages.page('admin', `/admin/org/units/${haTinh}`)).toContain('Ủy Quyền Thử');

    const tooEarly = await pages.post('admin', `/admin/org/people/${target.id}/mandates/${mandate.id}/end`, { validTo: '2020-02-29' }, 400);
    expect(tooEarly.text).toContain('Ngày kết thúc phải sau ngày bắt đầu.');
    expect((await mandatesOf(target.id))[0].validTo).toBeNull();

    const ended = await pages.post('admin', `/admin/org/people/${target.id}/mandates/${mandate.id}/end`, { validTo: '2020-12-31' }, 303);
    expect(ended.headers.location).toBe(`/admin/org/people/${target.id}?flash=mandate-ended`);
    expect((await mandatesOf(target.id))[0].validTo).toBe('2020-12-31');
    const endedRow = mandateRow(await pages.page('admin', ended.headers.location), mandate.id);
    expect(endedRow).toContain('<time datetime="2020-12-31">31/12/2020</time>');
    expect(endedRow).toContain('<span class="badge badge-ended">Đã kết thúc</span>');
    expect(endedRow).not.toContain('<form');
    expect(await pages.page('admin', `/admin/org/units/${haTinh}`)).not.toContain('Ủy Quyền Thử');

    await pages.post('admin', `/admin/org/people/${target.id}/mandates`, { unitId: haTinh, role: 'head', validFrom: '2099-01-01', validTo: '2099-12-31' }, 303);
    const upcoming = (await mandatesOf(target.id)).find((m) => m.validFrom === '2099-01-01')!;
    expect(mandateRow(await pages.page('admin', `/admin/org/people/${target.id}`), upcoming.id)).toContain('<span class="badge badge-upcoming">Chưa đến ngày hiệu lực</span>');

    // Another person's mandate is not this page's to end.
    const other = (await mandatesOf((await person('thanhhoa.canbo')).id))[0];
    await pages.post('admin', `/admin/org/people/${target.id}/mandates/${other.id}/end`, { validTo: '2020-12-31' }, 404);
    expect((await mandatesOf((await person('thanhhoa.canbo')).id))[0].validTo).toBeNull();
  });

  it('answers 403 to someone who is not an administrator, and writes nothing for them', async () => {
    const officer = await person('thanhhoa.canbo');
    await pages.get('thanhhoa.canbo', '/admin/org/people', 403);
    await pages.get('thanhhoa.canbo', `/admin/org/people/${officer.id}`, 403);
    await pages.post('thanhhoa.canbo', '/admin/org/people', { username: 'khong.duoc', fullName: 'Không Được' }, 403);
    await pages.post('thanhhoa.canbo', `/admin/org/people/${officer.id}/mandates`, { unitId: await unitId('VKS-THA'), role: 'head', validFrom: '2020-01-01' }, 403);
    expect((await everyone({ q: 'khong.duoc', includeArchived: 'true' })).total).toBe(0);
    expect((await mandatesOf(officer.id)).map((m) => m.role)).toEqual(['officer']);
  });

  it('speaks English when chosen, refusals too', async () => {
    const list = (await pages.get('admin', '/admin/org/people', 200, 'en')).text;
    for (const text of ['<h1>People</h1>', 'Search by name, username or e-mail', 'Add a person', 'Initial password', 'Page 1 of 2']) expect(list).toContain(text);
    const refused = await pages.post('admin', '/admin/org/people', { username: 'thanhhoa.canbo', fullName: 'Copy' }, 409, 'en');
    expect(refused.text).toContain('<p>Username thanhhoa.canbo is already in use.</p>');
    const officer = await person('thanhhoa.canbo');
    const page = (await pages.get('admin', `/admin/org/people/${officer.id}`, 200, 'en')).text;
    for (const text of ['Mandates (roles in units)', 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', 'Officer', 'Open-ended', 'Current', 'Give a mandate', 'End the mandate']) {
      expect(page).toContain(text);
    }
    const invalid = await pages.post('admin', `/admin/org/people/${officer.id}/mandates`, { unitId: '', role: 'officer', validFrom: '2020-01-01' }, 400, 'en');
    expect(invalid.text).toContain('Invalid data: Unit.');
  });
});
