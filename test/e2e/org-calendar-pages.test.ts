import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Amendment = { date: string; kind: string; note: string | null };

/** What a person reads: the markup without its tags. */
const visibleText = (markup: string): string =>
  markup
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** One month's table, found by its caption. */
function monthTable(page: string, caption: string): string {
  const table = new RegExp(`<table class="month">\\s*<caption>${caption}</caption>[\\s\\S]*?</table>`).exec(page)?.[0];
  if (!table) throw new Error(`No month table captioned ${caption}`);
  return table;
}

/** A day's cell of the grid: its classes and what it says. */
function dayCell(page: string, date: string): { classes: string; text: string; today: boolean } {
  const match = new RegExp(`<td class="([^"]*)" data-date="${date}"( aria-current="date")?>([\\s\\S]*?)</td>`).exec(page);
  if (!match) throw new Error(`No cell for ${date}`);
  return { classes: match[1], today: Boolean(match[2]), text: visibleText(match[3]) };
}

/** The weeks of a month table as rows of day numbers ('' before the 1st and after the last). */
function weeksOf(table: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)![1];
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) => /<time class="day-number"[^>]*>(\d+)<\/time>/.exec(cell)?.[1] ?? ''));
}

const workingDaysLine = (page: string) => /<p class="lead">([^<]*)<\/p>/.exec(page)?.[1];

describe('organisation pages: the working calendar (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let pages: ReturnType<typeof pageSessions>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    pages = pageSessions(t);
  });
  afterAll(() => t.close());

  const amendments = async (year: number): Promise<Amendment[]> => (await t.http().get(`/api/v1/calendar/${year}`).set(admin).expect(200)).body.amendments;

  it('shows the year as twelve captioned month tables, Monday first, with holidays and the Tết break named and weekends said in words', async () => {
    const page = await pages.page('admin', '/admin/org/calendar?year=2020');
    expect(page).toContain('<h1>Lịch làm việc năm 2020</h1>');
    expect(page).toContain('<a href="/admin/org/calendar" aria-current="page" class="current">Lịch làm việc</a>');
    for (let month = 1; month <= 12; month++) expect(page).toContain(`<caption>Tháng ${month} năm 2020</caption>`);
    const january = monthTable(page, 'Tháng 1 năm 2020');
    expect(visibleText(/<thead>[\s\S]*?<\/thead>/.exec(january)![0])).toBe('T2 Thứ Hai T3 Thứ Ba T4 Thứ Tư T5 Thứ Năm T6 Thứ Sáu T7 Thứ Bảy CN Chủ nhật');
    // 1 January 2020 was a Wednesday.
    expect(weeksOf(january)[0]).toEqual(['', '', '1', '2', '3', '4', '5']);
    expect(weeksOf(january)).toHaveLength(5);

    expect(dayCell(page, '2020-01-01')).toEqual({ classes: 'day-holiday', today: false, text: '1 Tết Dương lịch' });
    // The official Tết break, 23–29 January, weekend days inside it included; the 30th is a working day again.
    for (const date of ['2020-01-23', '2020-01-25', '2020-01-26', '2020-01-29']) expect(dayCell(page, date)).toMatchObject({ classes: 'day-tet', text: `${Number(date.slice(8))} Tết Nguyên Đán` });
    expect(dayCell(page, '2020-01-30')).toMatchObject({ classes: 'day-working', text: '30 Ngày làm việc' });
    expect(page).toMatch(/<td class="day-working" data-date="2020-01-30"><time class="day-number" datetime="2020-01-30">30<\/time><span class="visually-hidden">Ngày làm việc<\/span><\/td>/);
    expect(dayCell(page, '2020-01-04')).toMatchObject({ classes: 'day-weekend', text: '4 Nghỉ cuối tuần' });
    expect(dayCell(page, '2020-04-02')).toMatchObject({ classes: 'day-holiday', text: '2 Giỗ Tổ Hùng Vương' });
    expect(dayCell(page, '2020-09-02')).toMatchObject({ classes: 'day-holiday', text: '2 Quốc khánh' });
    expect(monthTable(page, 'Tháng 9 năm 2020')).toContain('data-date="2020-09-02"');
    // 366 days, 104 weekend days, 10 holidays on weekdays.
    expect(workingDaysLine(page)).toBe('Năm 2020 có 252 ngày làm việc.');
    // The list of days off reads each with its weekday.
    expect(visibleText(/<tr data-date="2020-09-02">[\s\S]*?<\/tr>/.exec(page)![0])).toBe('02/09/2020 Thứ Tư Quốc khánh Quốc khánh Không');

    // Since 2021 National Day is two days; a holiday on a weekend gives a day off in lieu.
    const year2021 = await pages.page('admin', '/admin/org/calendar?year=2021');
    expect(dayCell(year2021, '2021-09-03')).toMatchObject({ classes: 'day-holiday', text: '3 Quốc khánh' });
    expect(dayCell(year2021, '2021-05-03')).toMatchObject({ classes: 'day-compensation', text: '3 Nghỉ bù Ngày Quốc tế Lao động' });
    // Tết 2025 ran from 25 January to 2 February, across two month tables.
    const year2025 = await pages.page('admin', '/admin/org/calendar?year=2025');
    expect(dayCell(year2025, '2025-01-25').classes).toBe('day-tet');
    expect(dayCell(year2025, '2025-02-02')).toMatchObject({ classes: 'day-tet', text: '2 Tết Nguyên Đán' });
    expect(dayCell(year2025, '2025-02-03').classes).toBe('day-working');
  });

  it('marks today, in the current year shown by default', async () => {
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    const page = await pages.page('admin', '/admin/org/calendar');
    expect(page).toContain(`<h1>Lịch làm việc năm ${today.slice(0, 4)}</h1>`);
    const cell = dayCell(page, today);
    expect(cell.today).toBe(true);
    expect(cell.classes).toContain('day-today');
    expect(cell.text).toMatch(new RegExp(`^${Number(today.slice(8))} Hôm nay`));
    expect(page.match(/aria-current="date"/g)).toHaveLength(1);
  });

  it('amends days (a make-up Saturday, a holiday worked, an extra day off), shows them apart, and removes an amendment', async () => {
    expect(await amendments(2020)).toEqual([]);
    const saturday = await pages.post('admin', '/admin/org/calendar/days', { date: '2020-05-09', kind: 'working-day', note: ' Làm bù cho ngày 30/4 ' }, 303);
    expect(saturday.headers.location).toBe('/admin/org/calendar?year=2020&flash=amended&date=2020-05-09#month-5');
    expect(await amendments(2020)).toEqual([expect.objectContaining({ date: '2020-05-09', kind: 'working-day', note: 'Làm bù cho ngày 30/4' })]);
    await pages.post('admin', '/admin/org/calendar/days', { date: '2020-09-02', kind: 'working-day', note: '' }, 303);
    await pages.post('admin', '/admin/org/calendar/days', { date: '2020-12-31', kind: 'day-off', note: 'Nghỉ thêm cuối năm' }, 303);

    const page = await pages.page('admin', saturday.headers.location);
    expect(page).toContain('<p class="flash" role="status">Đã lưu điều chỉnh ngày 09/05/2020.</p>');
    expect(dayCell(page, '2020-05-09')).toEqual({ classes: 'day-make-up day-amended', today: false, text: '9 Làm bù Làm bù cho ngày 30/4' });
    expect(dayCell(page, '2020-09-02')).toMatchObject({ classes: 'day-amended-working day-amended', text: '2 Đi làm (điều chỉnh), thay nghỉ Quốc khánh' });
    expect(dayCell(page, '2020-12-31')).toMatchObject({ classes: 'day-amended-day-off day-amended', text: '31 Nghỉ (điều chỉnh) Nghỉ thêm cuối năm' });
    // Two more working days, one less.
    expect(workingDaysLine(page)).toBe('Năm 2020 có 253 ngày làm việc.');
    expect(visibleText(/<tr data-date="2020-05-09">[\s\S]*?<\/tr>/.exec(page)![0])).toBe('09/05/2020 Thứ Bảy Làm bù Làm bù cho ngày 30/4 Bỏ điều chỉnh ngày 09/05/2020');
    // The API counts deadlines on the same calendar: Friday 8 May + 1 working day is now the Saturday.
    expect((await t.http().get('/api/v1/calendar/working-days?from=2020-05-08&add=1').set(admin).expect(200)).body.date).toBe('2020-05-09');

    const removed = await pages.post('admin', '/admin/org/calendar/days/2020-05-09/remove', {}, 303);
    expect(removed.headers.location).toBe('/admin/org/calendar?year=2020&flash=removed&date=2020-05-09#month-5');
    expect((await amendments(2020)).map((amendment) => amendment.date)).toEqual(['2020-09-02', '2020-12-31']);
    const after = await pages.page('admin', removed.headers.location);
    expect(after).toContain('Đã bỏ điều chỉnh ngày 09/05/2020.');
    expect(dayCell(after, '2020-05-09')).toMatchObject({ classes: 'day-weekend', text: '9 Nghỉ cuối tuần' });
    expect(after).not.toContain('<tr data-date="2020-05-09">');

    // Removing it again: the service's 404, shown on the page.
    const again = await pages.post('admin', '/admin/org/calendar/days/2020-05-09/remove', {}, 404);
    expect(again.text).toContain('<div class="alert" role="alert" id="calendar-error"><p>Ngày 09/05/2020 không có điều chỉnh lịch làm việc nào.</p></div>');
    expect(again.text).not.toContain('2020-05-09 không');

    await pages.post('admin', '/admin/org/calendar/days/2020-09-02/remove', {}, 303);
    await pages.post('admin', '/admin/org/calendar/days/2020-12-31/remove', {}, 303);
    expect(await amendments(2020)).toEqual([]);
    expect(dayCell(await pages.page('admin', '/admin/org/calendar?year=2020'), '2020-09-02').classes).toBe('day-holiday');
  });

  it('refuses an impossible day or kind with the fields named, keeps what was typed, and stores nothing', async () => {
    const badDay = await pages.post('admin', '/admin/org/calendar/days', { date: '2020-02-30', kind: 'day-off', note: 'Ngày không có' }, 400);
    expect(badDay.text).toContain('Dữ liệu không hợp lệ: Ngày.');
    expect(badDay.text).toContain('value="Ngày không có"');
    expect(badDay.text).toContain('<input type="radio" id="calendar-kind-off" name="kind" value="day-off" checked>');
    const badKind = await pages.post('admin', '/admin/org/calendar/days', { date: '2020-03-02', kind: 'holiday', note: '' }, 400);
    expect(badKind.text).toContain('Dữ liệu không hợp lệ: Ngày đó là.');
    const tooLong = await pages.post('admin', '/admin/org/calendar/days', { date: '2020-03-02', kind: 'day-off', note: 'x'.repeat(501) }, 400);
    expect(tooLong.text).toContain('Dữ liệu không hợp lệ: Lý do hoặc tên ngày.');
    await pages.post('admin', '/admin/org/calendar/days/20200302/remove', {}, 400);
    expect(await amendments(2020)).toEqual([]);
  });

  it('speaks English with ?lang=en', async () => {
    const page = (await pages.get('admin', '/admin/org/calendar?year=2020', 200, 'en')).text;
    expect(page).toContain('<h1>Working calendar 2020</h1>');
    expect(page).toContain('<caption>September 2020</caption>');
    expect(dayCell(page, '2020-09-02').text).toBe('2 National Day');
    expect(dayCell(page, '2020-01-25').text).toBe('25 Lunar New Year (Tết)');
    expect(workingDaysLine(page)).toBe('2020 has 252 working days.');
    const refused = await pages.post('admin', '/admin/org/calendar/days/2020-06-01/remove', {}, 404, 'en');
    expect(refused.text).toContain('There is no working-calendar amendment for 2020-06-01.');
  });

  it('answers 403 to someone who is not an administrator, and writes nothing for them', async () => {
    await pages.get('nghean.canbo', '/admin/org/calendar?year=2020', 403);
    await pages.post('nghean.canbo', '/admin/org/calendar/days', { date: '2020-05-09', kind: 'working-day', note: '' }, 403);
    await t.http().put('/api/v1/calendar/days/2020-06-06').set(admin).send({ kind: 'working-day' }).expect(200);
    await pages.post('nghean.canbo', '/admin/org/calendar/days/2020-06-06/remove', {}, 403);
    expect((await amendments(2020)).map((amendment) => amendment.date)).toEqual(['2020-06-06']);
  });
});
