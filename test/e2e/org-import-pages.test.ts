import type { Response, Test } from 'supertest';
import { PageSession, pageSessions } from '../support/page-session';
import { ImportProgressStore } from '../../src/workflows/organisation/import-progress.store';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const PREVIEW = /^\/admin\/org\/imports\/([0-9a-f-]{36})$/;

/** What a person reads: the page without its tags, spaces folded. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const visibleText = (page: string): string =>
  page
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity])
    .replace(/\s+/g, ' ');

/** The preview table's row for a line of the file, as its visible text; undefined when the table has no such row. */
function rowText(page: string, line: number): string | undefined {
  const row = new RegExp(`<tr id="line-${line}"[^>]*>([\\s\\S]*?)</tr>`).exec(page)?.[1];
  return row === undefined ? undefined : visibleText(row).trim();
}

/** The lines of a progress answer (application/x-ndjson), parsed. */
type ProgressLine = { step?: string; done?: number; total?: number; location?: string; error?: string };
const linesOf = (response: Response): ProgressLine[] =>
  String(response.body)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ProgressLine);

describe('organisation pages: CSV import with preview and progress (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let pages: ReturnType<typeof pageSessions>;
  let adminPage: PageSession;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    pages = pageSessions(t);
    adminPage = await pages.session('admin');
  });
  afterAll(() => t.close());

  const unitCodes = async (q: string): Promise<string[]> =>
    (await t.http().get('/api/v1/units').query({ q, includeArchived: 'true', limit: 500 }).set(admin).expect(200)).body.items.map((unit: { code: string }) => unit.code);
  const unitTotal = async (q: string): Promise<number> => (await t.http().get('/api/v1/units').query({ q, limit: 1 }).set(admin).expect(200)).body.total;
  const usernames = async (q: string): Promise<string[]> =>
    (await t.http().get('/api/v1/people').query({ q, includeArchived: 'true' }).set(admin).expect(200)).body.items.map((person: { username: string }) => person.username);

  /** The upload form posted as a browser without the page's script does (multipart, the page's fields). */
  const upload = async (username: string, kind: string, csv: string | Buffer | undefined, status: number, language?: 'en') => {
    const { cookie, csrfToken } = await pages.session(username);
    const request = t
      .http()
      .post('/admin/org/imports/preview')
      .set('Cookie', language ? `${cookie}; lang=${language}` : cookie)
      .field('_csrf', csrfToken)
      .field('kind', kind);
    if (csv !== undefined) request.attach('file', Buffer.from(csv), { filename: 'tệp nhập.csv', contentType: 'text/csv' });
    return request.expect(status);
  };
  /** A preview's address from the upload's 303, and its page. */
  const previewOf = async (response: Response, language?: 'en'): Promise<{ id: string; path: string; page: string }> => {
    const path = response.headers.location;
    const id = PREVIEW.exec(path)?.[1];
    if (!id) throw new Error(`not a preview: ${path}`);
    return { id, path, page: (await pages.get('admin', path, 200, language)).text };
  };
  /** The page's script: the same forms with the progress lines asked for, and the CSRF token in its header. */
  const withProgress = (request: Test): Test => {
    const { cookie, csrfToken } = adminPage;
    return request
      .set('Cookie', cookie)
      .set('Accept', 'application/x-ndjson')
      .set('X-CSRF-Token', csrfToken)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      });
  };

  it('shows every problem of a units file beside its row, with a summary and no Import button, and stores nothing', async () => {
    const csv = [
      'code,name,shortName,parentCode', // 1
      'VKS-PV1,Đơn vị tốt,,VKSNDTC', // 2: fine
      'vks-thuong,Mã chữ thường,,', // 3: invalid code
      'VKS-PV2,,,', // 4: missing name
      'VKS-THA,Trùng mã trong hệ thống,,', // 5: code taken
      'VKS-PV3,Cấp trên không tồn tại,,VKS-KHONG-CO', // 6: unknown parent
      'VKS-PV4,Thừa cột,,,thừa', // 7: one field too many
      'VKS-PV5,Đơn vị tốt 2,VKS 5,VKS-PV1', // 8: fine, parent on line 2
    ].join('\n');
    const { id, path, page } = await previewOf(await upload('admin', 'units', csv, 303));

    expect(visibleText(page)).toContain('7 dòng dữ liệu, 5 dòng có lỗi.');
    expect(visibleText(page)).toContain('Chưa thể nhập: hãy sửa các lỗi dưới đây trong tệp rồi chọn lại tệp. Chưa có gì được ghi.');
    expect(page).not.toContain('id="import-form"');
    // Every row of the file, its values and its problems in words beside it.
    expect(rowText(page, 2)).toBe('2 VKS-PV1 Đơn vị tốt VKSNDTC Hợp lệ');
    expect(rowText(page, 3)).toContain('vks-thuong');
    expect(rowText(page, 3)).toContain('code : Mã đơn vị "vks-thuong" không hợp lệ');
    expect(rowText(page, 4)).toContain('name : Thiếu giá trị bắt buộc.');
    expect(rowText(page, 5)).toContain('code : Mã đơn vị VKS-THA đã được sử dụng');
    expect(rowText(page, 6)).toContain('parentCode : Không tìm thấy đơn vị cấp trên VKS-KHONG-CO trong hệ thống hay ở các dòng phía trên.');
    // A line-level problem (no column) is beside its row too.
    expect(rowText(page, 7)).toContain('Dòng có 5 cột trong khi tiêu đề có 4 cột.');
    expect(rowText(page, 8)).toBe('8 VKS-PV5 Đơn vị tốt 2 VKS 5 VKS-PV1 Hợp lệ');
    // The cell at fault is marked, not by colour alone.
    expect(page).toMatch(/<tr id="line-4" class="has-problem">[\s\S]*?<td class="bad-cell"><span class="marker" aria-hidden="true">⚠ <\/span><\/td>/);
    expect(page).toContain('<a href="#line-3">Dòng 3</a>');
    expect(await unitCodes('VKS-PV')).toEqual([]);

    // Importing it anyway (a forged post) is refused with the count, the page shown again, nothing stored.
    const refused = await pages.post('admin', `${path}/import`, {}, 422);
    expect(visibleText(refused.text)).toContain('Tệp CSV có 5 dòng lỗi; chưa nhập dòng nào.');
    expect(rowText(refused.text, 4)).toContain('Thiếu giá trị bắt buộc.');
    expect(await unitCodes('VKS-PV')).toEqual([]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    // A header that is wrong: the whole file's problems, no rows.
    const header = await previewOf(await upload('admin', 'units', 'ma,name\nVKS-X,Tên\n', 303));
    expect(visibleText(header.page)).toContain('Lỗi của cả tệp');
    expect(visibleText(header.page)).toContain('Dòng 1: ma : Không hỗ trợ cột "ma"');
    expect(visibleText(header.page)).toContain('Thiếu cột bắt buộc "code".');
    expect(header.page).not.toContain('id="import-form"');
  });

  it('previews the downloaded templates without problems, imports them (units, then people) and shows the counts and where to see them', async () => {
    const unitsTemplate = await pages.get('admin', '/admin/org/imports/templates/units.csv');
    expect(unitsTemplate.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(unitsTemplate.headers['content-disposition']).toBe('attachment; filename="units.csv"');
    expect(unitsTemplate.text.split('\r\n')[0]).toBe('\uFEFFcode,name,shortName,parentCode');

    const units = await previewOf(await upload('admin', 'units', unitsTemplate.text, 303));
    expect(visibleText(units.page)).toContain('2 dòng dữ liệu, 0 dòng có lỗi. Không có lỗi: có thể nhập cả 2 dòng. Chưa có gì được ghi.');
    expect(rowText(units.page, 2)).toBe('2 VKS-HPG Viện kiểm sát nhân dân thành phố Hải Phòng VKSND Hải Phòng VKSNDTC Hợp lệ');
    expect(units.page).toContain(`<form method="post" action="${units.path}/import" id="import-form">`);
    expect(units.page).toMatch(/<button type="submit">Nhập 2 đơn vị<\/button>/);
    // Nothing written by the preview.
    expect(await unitCodes('VKS-HPG')).toEqual([]);

    const imported = await pages.post('admin', `${units.path}/import`, {}, 303);
    expect(imported.headers.location).toBe(`${units.path}?flash=imported`);
    const result = (await pages.get('admin', imported.headers.location)).text;
    expect(result).toContain('<p class="flash" role="status">Đã nhập xong.</p>');
    expect(visibleText(result)).toContain('Đã tạo 2 đơn vị từ tệp này.');
    expect(result).toContain('<a href="/admin/org/units">Xem cây đơn vị</a>');
    expect(await unitCodes('VKS-HPG')).toEqual(['VKS-HPG', 'VKS-HPG-KV1']);
    // Posted twice (a second click, a reload): the result again, written once.
    await pages.post('admin', `${units.path}/import`, {}, 303);
    expect(await unitCodes('VKS-HPG')).toEqual(['VKS-HPG', 'VKS-HPG-KV1']);

    // People with a password, through the page's script: progress lines, then the preview and the import.
    const people = [...(await pages.get('admin', '/admin/org/imports/templates/people.csv')).text.trim().split('\r\n'), 'haiphong.thuky,Lê Thư Ký,,,,,,,mat-khau-thu-ky-bi-mat'].join('\n');
    const previewed = await withProgress(t.http().post('/admin/org/imports/preview'))
      .field('kind', 'people')
      .attach('file', Buffer.from(people), { filename: 'can-bo.csv', contentType: 'text/csv' })
      .expect(200);
    expect(previewed.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const previewLines = linesOf(previewed);
    expect(previewLines[0]).toEqual({ step: 'checking', done: 0, total: 3 });
    expect(previewLines).toContainEqual({ step: 'checking', done: 3, total: 3 });
    const location = previewLines[previewLines.length - 1].location!;
    expect(location).toMatch(PREVIEW);
    // Nothing hashed or written at preview.
    expect(previewLines.some((line) => line.step === 'hashing' || line.step === 'writing')).toBe(false);
    const preview = (await pages.get('admin', location)).text;
    expect(preview).not.toContain('mat-khau-thu-ky-bi-mat');
    expect(rowText(preview, 4)).toBe('4 haiphong.thuky Lê Thư Ký (có mật khẩu) Hợp lệ');
    expect(await usernames('haiphong.')).toEqual([]);

    const importing = await withProgress(t.http().post(`${location}/import`)).type('form').send({}).expect(200);
    const importLines = linesOf(importing);
    expect(importLines).toContainEqual({ step: 'hashing', done: 1, total: 1 });
    expect(importLines).toContainEqual({ step: 'writing', done: 3, total: 3 });
    expect(importLines[importLines.length - 1]).toEqual({ location: `${location}?flash=imported` });
    const peopleResult = visibleText((await pages.get('admin', `${location}?flash=imported`)).text);
    expect(peopleResult).toContain('Đã tạo 3 cán bộ và 2 nhiệm vụ từ tệp này.');
    expect(peopleResult).toContain('Xem danh sách cán bộ');
    expect(await usernames('haiphong.')).toEqual(['haiphong.canbo', 'haiphong.thuky', 'haiphong.vientruong']);
    await t.http().post('/api/v1/auth/sign-in').send({ username: 'haiphong.thuky', password: 'mat-khau-thu-ky-bi-mat' }).expect(200);
  });

  it('refuses an unusable upload with the reason above the form, and keeps nothing', async () => {
    const missing = await upload('admin', 'units', undefined, 400);
    expect(visibleText(missing.text)).toContain('Hãy chọn một tệp CSV.');
    expect(missing.text).toContain('id="upload-form"');
    const empty = await upload('admin', 'people', 'username,fullName\n', 422);
    expect(visibleText(empty.text)).toContain('Tệp CSV không có dòng dữ liệu nào.');
    // The kind chosen is kept.
    expect(empty.text).toContain('<input type="radio" id="kind-people" name="kind" value="people" checked>');
    const latin1 = await upload('admin', 'units', Buffer.from('code,name\nVKS-L1,Vi\xeat\n', 'latin1'), 422);
    expect(visibleText(latin1.text)).toContain('Tệp không phải văn bản UTF-8');
    const tooBig = await upload('admin', 'units', `code,name\n${'VKS-X,x\n'.repeat(200_000)}`, 413);
    expect(visibleText(tooBig.text)).toContain('Nội dung gửi lên vượt quá 1 MiB.');
    // The preview's address opened with GET leads to the form.
    expect((await pages.get('admin', '/admin/org/imports/preview', 303)).headers.location).toBe('/admin/org/imports');
    // Another site's form is still refused, token or not.
    const { cookie } = await pages.session('admin');
    await t.http().post('/admin/org/imports/preview').set('Cookie', cookie).set('Sec-Fetch-Site', 'cross-site').field('kind', 'units').attach('file', Buffer.from('code,name\nVKS-CS,X\n'), 'x.csv').expect(403);
  });

  it('answers 403 to someone who is not an administrator, keeps nothing for them, and hides a preview from another person', async () => {
    await pages.get('thanhhoa.canbo', '/admin/org/imports', 403);
    await pages.get('thanhhoa.canbo', '/admin/org/imports/templates/units.csv', 403);
    const refused = await upload('thanhhoa.canbo', 'units', 'code,name\nVKS-CB1,Không được nhập\n', 403);
    expect(refused.text).toContain('403');
    const mine = await previewOf(await upload('admin', 'units', 'code,name\nVKS-CB2,Của quản trị\n', 303));
    await pages.get('thanhhoa.canbo', mine.path, 403);
    await pages.post('thanhhoa.canbo', `${mine.path}/import`, {}, 403);
    expect(await unitCodes('VKS-CB')).toEqual([]);
    // An unknown or expired preview.
    const gone = await pages.get('admin', '/admin/org/imports/00000000-0000-4000-8000-000000000000', 404);
    expect(visibleText(gone.text)).toContain('Không tìm thấy bản xem trước này');
  });

  it('speaks English with ?lang=en: the form, the problems, the button and the result', async () => {
    const form = visibleText((await pages.get('admin', '/admin/org/imports?lang=en')).text);
    expect(form).toContain('Import from a CSV file');
    expect(form).toContain('A units file');
    expect(form).toContain('Initial password, at least 8 characters; when empty the person cannot sign in yet.');
    expect(form).toContain('Role in the unit: head (Head of unit), deputy (Deputy), officer (Officer); required with a unit code.');

    const bad = await previewOf(await upload('admin', 'units', 'code,name\nVKS-EN1,\n', 303, 'en'), 'en');
    expect(visibleText(bad.page)).toContain('1 data rows, 1 with problems.');
    expect(rowText(bad.page, 2)).toContain('name : A value is required.');

    const good = await previewOf(await upload('admin', 'units', 'code,name,parentCode\nVKS-EN2,English unit,VKSNDTC\nVKS-EN3,English unit 3,VKS-EN2\n', 303, 'en'), 'en');
    expect(visibleText(good.page)).toContain('No problems: all 2 rows can be imported. Nothing has been written yet.');
    expect(good.page).toContain('<button type="submit">Import 2 units</button>');
    const imported = await pages.post('admin', `${good.path}/import`, {}, 303, 'en');
    const result = visibleText((await pages.get('admin', imported.headers.location, 200, 'en')).text);
    expect(result).toContain('The import is done.');
    expect(result).toContain('2 units were created from this file.');
    expect(result).toContain('See the unit tree');
    expect(await unitCodes('VKS-EN')).toEqual(['VKS-EN2', 'VKS-EN3']);
  });

  it('reports the progress of a 3,000-row file as it goes: rows checked, then rows written, in the answer of the process doing it', async () => {
    const csv = ['code,name,parentCode', ...Array.from({ length: 3000 }, (_, i) => `VKS-TIEN-DO-${String(i + 1).padStart(4, '0')},Đơn vị tiến độ ${i + 1},VKSNDTC`)].join('\n');
    const previewed = await withProgress(t.http().post('/admin/org/imports/preview'))
      .field('kind', 'units')
      .attach('file', Buffer.from(csv), { filename: 'lon.csv', contentType: 'text/csv' })
      .expect(200);
    const checked = linesOf(previewed).filter((line) => line.step === 'checking');
    expect(checked[0]).toEqual({ step: 'checking', done: 0, total: 3000 });
    expect(checked.some((line) => line.done! > 0 && line.done! < 3000)).toBe(true);
    expect(checked[checked.length - 1]).toEqual({ step: 'checking', done: 3000, total: 3000 });
    const location = linesOf(previewed).pop()!.location!;
    expect(await unitTotal('VKS-TIEN-DO-')).toBe(0);
    // Every row of the file is in the preview, the last one too.
    const preview = (await pages.get('admin', location)).text;
    expect(visibleText(preview)).toContain('3.000 dòng dữ liệu, 0 dòng có lỗi.');
    expect(rowText(preview, 3001)).toBe('3001 VKS-TIEN-DO-3000 Đơn vị tiến độ 3000 VKSNDTC Hợp lệ');
    expect(preview).toContain('<button type="submit">Nhập 3.000 đơn vị</button>');

    const importing = await withProgress(t.http().post(`${location}/import`)).type('form').send({}).expect(200);
    const lines = linesOf(importing);
    const written = lines.filter((line) => line.step === 'writing').map((line) => line.done);
    // Written and flushed 500 at a time inside the one transaction: the counts rise through the file, then the end.
    expect(written).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
    expect(lines.findIndex((line) => line.step === 'checking')).toBeLessThan(lines.findIndex((line) => line.step === 'writing'));
    expect(lines[lines.length - 1]).toEqual({ location: `${location}?flash=imported` });
    expect(await unitTotal('VKS-TIEN-DO-')).toBe(3000);
    const page = visibleText((await pages.get('admin', `${location}?flash=imported`)).text);
    expect(page).toContain('Đã tạo 3.000 đơn vị từ tệp này.');
  });

  it('goes on in another api process of the same deployment: the preview shown and imported there, the result seen here', async () => {
    const other = await startTestApp({ shareWith: t });
    try {
      const { path } = await previewOf(await upload('admin', 'units', 'code,name,parentCode\nVKS-HAI-TIEN-TRINH,Hai tiến trình,VKSNDTC\n', 303));
      const { cookie, csrfToken } = adminPage;
      const there = await other.http().get(path).set('Cookie', cookie).expect(200);
      expect(visibleText(there.text)).toContain('Không có lỗi: có thể nhập cả 1 dòng.');
      expect(rowText(there.text, 2)).toBe('2 VKS-HAI-TIEN-TRINH Hai tiến trình VKSNDTC Hợp lệ');
      await other.http().post(`${path}/import`).set('Cookie', cookie).type('form').send({ _csrf: csrfToken }).expect(303);
      expect(visibleText((await pages.get('admin', path)).text)).toContain('Đã tạo 1 đơn vị từ tệp này.');
      expect(await unitCodes('VKS-HAI-TIEN-TRINH')).toEqual(['VKS-HAI-TIEN-TRINH']);
    } finally {
      await other.close();
    }
  });

  it('imports a file once: refused while another import of it holds the claim; offered again once that import stopped reporting', async () => {
    const store = t.app.get(ImportProgressStore);
    const { id, path } = await previewOf(await upload('admin', 'units', 'code,name,parentCode\nVKS-MOT-LAN,Một lần,VKSNDTC\n', 303));
    expect(await store.claim(id)).toBe(true);
    const busy = await pages.post('admin', `${path}/import`, {}, 409);
    expect(visibleText(busy.text)).toContain('Tệp này đang được nhập; hãy chờ kết quả.');
    expect(await unitCodes('VKS-MOT-LAN')).toEqual([]);

    // An import whose process died: its record says importing, its claim has lapsed.
    const record = (await store.get(id))!;
    await store.save({ ...record, state: 'importing', importStartedAt: '2024-03-01T02:00:00.000Z' });
    expect(visibleText((await pages.get('admin', path)).text)).toContain('Tệp này đang được nhập (bắt đầu lúc 01/03/2024 09:00).');
    expect((await pages.get('admin', path)).text).not.toContain('id="import-form"');
    await store.release(id);
    const stopped = (await pages.get('admin', path)).text;
    expect(visibleText(stopped)).toContain('Lần nhập bắt đầu lúc 01/03/2024 09:00 đã dừng mà không báo kết quả');
    expect(stopped).toContain('id="import-form"');
    await pages.post('admin', `${path}/import`, {}, 303);
    expect(await unitCodes('VKS-MOT-LAN')).toEqual(['VKS-MOT-LAN']);
    expect(await store.isClaimed(id)).toBe(false);
  });
});
