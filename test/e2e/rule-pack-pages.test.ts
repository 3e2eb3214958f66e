import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { RulePackVersion } from '../../src/modules/commendations/entities/rule-pack-version.entity';
import { syncBuiltinRulePacks } from '../../src/modules/commendations/records/builtin-rule-packs-sync';
import { RulePackLibraryService } from '../../src/modules/commendations/records/rule-pack-library.service';
import { RulePacksService } from '../../src/modules/commendations/records/rule-packs.service';
import { builtinRulePacksDir } from '../../src/modules/commendations/rules/builtin-rule-packs';
import { RulePack } from '../../src/modules/commendations/rules/rule-pack';
import { escapeHtml } from '../../src/modules/web/html';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

const builtIn = (key: string): RulePack => JSON.parse(readFileSync(join(builtinRulePacksDir(), `${key}.pack.json`), 'utf8')) as RulePack;

/** The 2024 pack as an administrator's own pack in force from 2026, with a cap of CSTĐCS against LĐTT holders. */
const pack2026 = (percent: number): RulePack => ({
  ...builtIn('rules-2024-procuracy'),
  key: 'rules-2026-pages',
  name: { vi: 'Quy tắc khen thưởng thử nghiệm trên trang 2026', en: 'Trial commendation rules on the pages 2026' },
  effectiveFrom: '2026-01-01',
  caps: [{ id: 'cap.CSTDCS-of-LDTT', title: 'CSTDCS', base: { title: 'LDTT' }, percent, rounding: 'floor', source: 'Quy định thử nghiệm 2026' }],
});

/** The keys of the list's rows, in order. */
const rowsOf = (page: string): string[] => [...page.matchAll(/<tr data-pack="([^"]+)">/g)].map((match) => match[1]);
/** One row of a table by its data attribute, e.g. `data-pack="rules-before-2024"`. */
const rowOf = (page: string, attribute: string): string => {
  const row = new RegExp(`<tr ${attribute}>([\\s\\S]*?)</tr>`).exec(page)?.[1];
  if (!row) throw new Error(`no row ${attribute}`);
  return row;
};
/** A row's cells as a person reads them. */
const cellsOf = (row: string): string[] => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((match) => match[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
/** The problems beside the form: `path: message` as the list shows them. */
const problemsOf = (page: string): string[] =>
  [...page.matchAll(/<li data-path="[^"]*"><code>([^<]*)<\/code>: ([^<]*)<\/li>/g)].map((match) => `${match[1]}: ${match[2]}`);
const textareaOf = (page: string): string => /<textarea id="document"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)?.[1] ?? '';
/** Markup text back as the browser reads it (the entities escapeHtml writes). */
const unescapeHtml = (text: string): string => text.replace(/&(quot|#39|lt|gt|amp);/g, (_, entity: string) => ({ quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' })[entity]!);

describe('rule pack pages: the packs in force, each in words, and publishing from a form (e2e)', () => {
  let t: TestApp;
  let pages: ReturnType<typeof pageSessions>;
  let admin: { Authorization: string };
  const storedVersions = () => t.app.get(MikroORM).em.fork().count(RulePackVersion, {});
  const apiVersions = async (key: string): Promise<number[]> =>
    (await t.http().get(`/api/v1/rule-packs/${key}/versions`).set(admin).expect(200)).body.items.map((version: { number: number }) => version.number);

  beforeAll(async () => {
    t = await startTestApp();
    pages = pageSessions(t);
    admin = await bearerFor(t, 'admin');
  });
  afterAll(() => t?.close());

  it('lists the built-in packs from their files until setup stores them, then their stored versions, in the order they take effect', async () => {
    const unstored = await pages.page('admin', '/admin/rule-packs');
    expect(rowsOf(unstored)).toEqual(['rules-before-2024', 'rules-2024-procuracy']);
    expect(cellsOf(rowOf(unstored, 'data-pack="rules-2024-procuracy"')).slice(1)).toEqual(['01/01/2024', 'từ 2024 trở đi', 'Chưa lưu; áp dụng từ tệp có sẵn', '—', 'Có']);

    await syncBuiltinRulePacks(t.app.get(RulePackLibraryService));
    const list = await pages.page('admin', '/admin/rule-packs');
    expect(list).toContain('<h1>Bộ quy định thi đua, khen thưởng</h1>');
    expect(list).toContain('<caption id="packs-caption">Các bộ quy định theo thứ tự áp dụng</caption>');
    expect(list).toContain('<a href="/admin/rule-packs" aria-current="page">Bộ quy định khen thưởng</a>');
    expect(rowsOf(list)).toEqual(['rules-before-2024', 'rules-2024-procuracy']);
    const [name, ...cells] = cellsOf(rowOf(list, 'data-pack="rules-before-2024"'));
    expect(name).toBe(`${builtIn('rules-before-2024').name.vi} rules-before-2024`);
    expect(cells[0]).toBe('01/01/2018');
    expect(cells[1]).toBe('2018–2023');
    expect(cells[2]).toBe('1');
    expect(cells[3]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, hệ thống \(bộ có sẵn\)$/);
    expect(cells[4]).toBe('Có');
    expect(list).toContain('<a href="/admin/rule-packs/rules-before-2024">');

    const english = (await pages.get('admin', '/admin/rule-packs', 200, 'en')).text;
    expect(english).toContain('<h1>Commendation rule packs</h1>');
    expect(cellsOf(rowOf(english, 'data-pack="rules-2024-procuracy"')).slice(1, 3)).toEqual(['2024-01-01', '2024 onwards']);
  });

  it('shows a pack in words: the ladders with sentences and their sources, caps, consultation, exclusions, the vote, versions and JSON', async () => {
    const old = await pages.page('admin', '/admin/rule-packs/rules-before-2024');
    expect(old).toContain(`<h1>${builtIn('rules-before-2024').name.vi}</h1>`);
    expect(old).toContain('<dt>Áp dụng từ ngày</dt><dd>01/01/2018</dd>');
    expect(old).toContain('<dt>Năm đánh giá áp dụng</dt><dd>2018–2023</dd>');
    expect(old).toContain('<caption id="ladder-person-caption">Danh hiệu cá nhân</caption>');
    expect(old).toContain('<caption id="ladder-unit-caption">Danh hiệu tập thể</caption>');
    const cstdcs = rowOf(old, 'data-title="CSTDCS"');
    expect(cstdcs).toContain('Chiến sĩ thi đua cơ sở (CSTĐCS)');
    expect(cstdcs).toContain(
      '<li data-rule="CSTDCS.same-year-LDTT">Có danh hiệu Lao động tiên tiến trong năm xét <span class="muted">(Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013), Điều 23)</span></li>',
    );
    expect(cstdcs).toContain('Đáp ứng một trong các điều kiện sau');
    expect(cstdcs).toContain('<li>Hoàn thành xuất sắc nhiệm vụ trong năm xét <span class="muted">(Nghị định 91/2017/NĐ-CP)</span></li>');
    expect(cstdcs).toContain('<li data-rule="cap.CSTDCS-15-percent-of-LDTT">Tối đa 15% số người có LĐTT của đơn vị, làm tròn xuống <span class="muted">(Nghị định 91/2017/NĐ-CP)</span></li>');
    expect(rowOf(old, 'data-title="CO-THI-DUA-NGANH"')).toContain(
      'Được từ 4/5 số phiếu đồng ý của các đơn vị thành viên cụm thi đua (đồng ý × 5 &gt;= tổng số × 4) <span class="muted">(Thông tư 01/2019/TT-VKSTC)</span>',
    );
    expect(old).toContain('Bộ quy định không có trường hợp loại trừ.');
    expect(old).toContain('<caption id="forms-caption">Hình thức khen thưởng</caption>');
    expect(cellsOf(rowOf(old, 'data-version="1"'))[3]).toBe('hệ thống (bộ có sẵn)');
    expect(old).toContain(escapeHtml('"key": "rules-before-2024"'));
    // A built-in pack is published from its file: the page offers a new pack instead of a form.
    expect(old).not.toContain('action="/admin/rule-packs/rules-before-2024/versions"');
    expect(old).toContain('<a href="/admin/rule-packs?from=rules-before-2024#new-pack">');

    const current = await pages.page('admin', '/admin/rule-packs/rules-2024-procuracy');
    expect(current).toContain('<dt>Áp dụng từ ngày</dt><dd>01/01/2024</dd>');
    expect(rowOf(current, 'data-title="CSTD-TOAN-QUOC"')).toContain('Công khai lấy ý kiến 10 ngày làm việc trước khi Hội đồng biểu quyết <span class="muted">(Nghị định 98/2023/NĐ-CP)</span>');
    expect(cellsOf(rowOf(current, 'data-rule="exclusion.absent-3-to-6-months"'))).toEqual([
      'Người nghỉ việc từ 3 tháng đến dưới 6 tháng trong năm xét',
      'LĐTT, CSTĐCS, CSTĐ ngành, CSTĐ toàn quốc',
      'Nghị định 98/2023/NĐ-CP; Thông tư 02/2024/TT-VKSTC',
    ]);
    expect(current).toContain(
      '<p id="nomination-vote">Bỏ phiếu kín; được đề nghị khi được từ 4/5 số phiếu đồng ý của Hội đồng Thi đua – Khen thưởng (đồng ý × 5 &gt;= tổng số × 4) <span class="muted">(Thông tư 02/2024/TT-VKSTC)</span></p>',
    );

    const english = (await pages.get('admin', '/admin/rule-packs/rules-2024-procuracy', 200, 'en')).text;
    expect(english).toContain('<dt>In force from</dt><dd>2024-01-01</dd>');
    expect(rowOf(english, 'data-title="CSTDCS"')).toContain('<li data-rule="CSTDCS.same-year-LDTT">Holds the Advanced Worker title in the year under review <span class="muted">(Luật Thi đua, khen thưởng 06/2022/QH15)</span></li>');

    await pages.get('admin', '/admin/rule-packs/rules-khong-co', 404);
    await pages.get('admin', '/admin/rule-packs/rules-2024-procuracy?version=7', 404);
  });

  it('is for administrators only: others get the 403 page and no link, a visitor is sent to sign in', async () => {
    const refused = await pages.get('hatinh.canbo', '/admin/rule-packs', 403);
    expect(refused.text).toContain('Bạn không có quyền thực hiện thao tác này (cần vai trò: Quản trị hệ thống).');
    await pages.get('tdkt.vutruong', '/admin/rule-packs/rules-2024-procuracy', 403);
    const before = await storedVersions();
    await pages.post('hatinh.canbo', '/admin/rule-packs', { document: JSON.stringify(pack2026(10)) }, 403);
    expect(await storedVersions()).toBe(before);
    expect(await pages.page('hatinh.canbo', '/')).not.toContain('href="/admin/rule-packs"');
    const visitor = await t.http().get('/admin/rule-packs').expect(303);
    expect(visitor.headers.location).toBe('/sign-in?next=%2Fadmin%2Frule-packs');
  });

  it('publishes a new pack from the list, then its next version from its page, each in force at once', async () => {
    // The form starts from the pack in force last, under a key of its own.
    const list = await pages.page('admin', '/admin/rule-packs');
    expect(textareaOf(list)).toContain(escapeHtml('"key": "rules-2024-procuracy-2"'));
    expect(textareaOf(list)).toContain(escapeHtml('"effectiveFrom": "2024-01-01"'));

    const created = await pages.post('admin', '/admin/rule-packs', { document: JSON.stringify(pack2026(10), null, 2) }, 303);
    expect(created.headers.location).toBe('/admin/rule-packs/rules-2026-pages?flash=published&number=1');
    const first = await pages.page('admin', created.headers.location);
    expect(first).toContain('<p class="notice" role="status">Đã công bố phiên bản 1.</p>');
    expect(first).toContain('<dt>Năm đánh giá áp dụng</dt><dd>từ 2026 trở đi</dd>');
    expect(cellsOf(rowOf(first, 'data-version="1"'))[3]).toBe('Quản trị hệ thống');
    expect(first).toContain('Tối đa 10% số người có LĐTT của đơn vị, làm tròn xuống');
    expect(JSON.parse(unescapeHtml(textareaOf(first)))).toEqual(pack2026(10));
    const listed = await pages.page('admin', '/admin/rule-packs');
    expect(rowsOf(listed)).toEqual(['rules-before-2024', 'rules-2024-procuracy', 'rules-2026-pages']);
    expect(cellsOf(rowOf(listed, 'data-pack="rules-2024-procuracy"'))[2]).toBe('2024–2025');
    expect(cellsOf(rowOf(listed, 'data-pack="rules-2026-pages"')).slice(1, 6)).toEqual(['01/01/2026', 'từ 2026 trở đi', '1', expect.stringMatching(/, Quản trị hệ thống$/), 'Không']);

    const next = await pages.post('admin', '/admin/rule-packs/rules-2026-pages/versions', { document: JSON.stringify(pack2026(12)) }, 303);
    expect(next.headers.location).toBe('/admin/rule-packs/rules-2026-pages?flash=published&number=2');
    const second = await pages.page('admin', next.headers.location);
    expect(second).toContain('Tối đa 12% số người có LĐTT của đơn vị, làm tròn xuống');
    expect([...second.matchAll(/<tr data-version="(\d+)">/g)].map((match) => match[1])).toEqual(['2', '1']);
    expect(second).toContain('<span aria-current="true">2 (đang xem)</span>');
    expect(await pages.page('admin', '/admin/rule-packs/rules-2026-pages?version=1')).toContain('Tối đa 10% số người có LĐTT của đơn vị, làm tròn xuống');
    expect(await apiVersions('rules-2026-pages')).toEqual([2, 1]);
    expect(t.app.get(RulePacksService).forYear(2026).caps).toEqual([expect.objectContaining({ percent: 12 })]);

    // The same content again publishes nothing.
    const same = await pages.post('admin', '/admin/rule-packs/rules-2026-pages/versions', { document: JSON.stringify(pack2026(12)) }, 303);
    expect(same.headers.location).toBe('/admin/rule-packs/rules-2026-pages?flash=unchanged&number=2');
    expect(await pages.page('admin', same.headers.location)).toContain('Nội dung giống phiên bản mới nhất (2); không có phiên bản mới.');

    // Starting from another pack keeps this pack's key.
    const started = await pages.page('admin', '/admin/rule-packs/rules-2026-pages?from=rules-before-2024');
    expect(textareaOf(started)).toContain(escapeHtml('"key": "rules-2026-pages"'));
    expect(textareaOf(started)).toContain(escapeHtml('"effectiveFrom": "2018-01-01"'));
    expect(started).toContain(`Nội dung được điền sẵn từ phiên bản mới nhất của &quot;${builtIn('rules-before-2024').name.vi}&quot;, với khóa &quot;rules-2026-pages&quot;.`);
  });

  it('refuses an invalid version with every problem at its path beside the text as typed, and stores nothing', async () => {
    const broken = pack2026(15);
    // CSTD-NGANH names a title the pack lacks; LDTT now requires CSTDCS, which requires LDTT.
    (broken.titles[2].prerequisites[0] as { title: string }).title = 'CSTD-KHONG-CO';
    broken.titles[0].prerequisites.push({ kind: 'same-year-title', id: 'LDTT.needs-CSTDCS', title: 'CSTDCS', source: 'Thử nghiệm' });
    const typed = JSON.stringify(broken, null, 2);
    const before = await storedVersions();

    const refused = await pages.post('admin', '/admin/rule-packs/rules-2026-pages/versions', { document: typed }, 422);
    expect(problemsOf(refused.text)).toEqual([
      'titles[2].prerequisites[0].title: danh hiệu &quot;CSTD-KHONG-CO&quot; không có trong bộ quy tắc',
      'titles[1].prerequisites[0]: danh hiệu tự đòi hỏi chính nó: LDTT → CSTDCS → LDTT',
    ]);
    expect(refused.text).toContain('<h3>Chưa công bố được: 2 lỗi</h3>');
    expect(refused.text).toContain('aria-describedby="document-hint document-problems" aria-invalid="true"');
    expect(textareaOf(refused.text)).toBe(escapeHtml(typed));
    // The page around the form is still the pack as stored.
    expect(refused.text).toContain('Tối đa 12% số người có LĐTT của đơn vị, làm tròn xuống');

    const english = await pages.post('admin', '/admin/rule-packs/rules-2026-pages/versions', { document: typed }, 422, 'en');
    expect(problemsOf(english.text)).toEqual([
      'titles[2].prerequisites[0].title: title &quot;CSTD-KHONG-CO&quot; is not defined in the pack',
      'titles[1].prerequisites[0]: a title requires itself: LDTT → CSTDCS → LDTT',
    ]);

    const notJson = await pages.post('admin', '/admin/rule-packs/rules-2026-pages/versions', { document: '{\n  "key": "rules-2026-pages",\n}' }, 422);
    expect(problemsOf(notJson.text)).toEqual(['(toàn bộ): Nội dung gửi lên không phải JSON hợp lệ. (dòng 3, cột 1)']);
    const otherKey = await pages.post('admin', '/admin/rule-packs/rules-2026-pages/versions', { document: JSON.stringify({ ...pack2026(15), key: 'rules-khac' }) }, 422);
    expect(problemsOf(otherKey.text)).toEqual(['key: khóa &quot;rules-khac&quot; khác với khóa công bố &quot;rules-2026-pages&quot;']);
    const sameDay = await pages.post('admin', '/admin/rule-packs', { document: JSON.stringify({ ...pack2026(15), key: 'rules-2024-copy', effectiveFrom: '2024-01-01' }) }, 422);
    expect(problemsOf(sameDay.text)).toEqual([expect.stringMatching(/^effectiveFrom: Bộ quy định &quot;.*&quot; áp dụng từ ngày 01\/01\/2024, trùng ngày áp dụng của bộ/)]);
    expect(rowsOf(sameDay.text)).toEqual(['rules-before-2024', 'rules-2024-procuracy', 'rules-2026-pages']);
    const intoBuiltIn = await pages.post('admin', '/admin/rule-packs', { document: JSON.stringify(builtIn('rules-2024-procuracy')) }, 422);
    expect(problemsOf(intoBuiltIn.text)).toEqual(['key: &quot;rules-2024-procuracy&quot; là bộ quy định có sẵn, nạp từ tệp của nó; hãy công bố thay đổi dưới một khóa mới']);

    expect(await storedVersions()).toBe(before);
    expect(await apiVersions('rules-2026-pages')).toEqual([2, 1]);
    await t.http().get('/api/v1/rule-packs/rules-2024-copy/versions').set(admin).expect(404);
    expect(t.app.get(RulePacksService).forYear(2026).caps).toEqual([expect.objectContaining({ percent: 12 })]);
  });
});
