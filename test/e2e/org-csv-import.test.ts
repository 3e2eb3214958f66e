import { bearerFor, startTestApp, TestApp } from '../support/test-app';

describe('organisation CSV import (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
  });
  afterAll(() => t.close());

  const importCsv = (kind: 'units' | 'people', csv: string, query: Record<string, string> = {}) =>
    t.http().post(`/api/v1/imports/${kind}`).query(query).set(admin).set('Content-Type', 'text/csv; charset=utf-8').send(csv);
  const unitCodes = async (q: string) =>
    (await t.http().get('/api/v1/units').query({ q, includeArchived: 'true' }).set(admin).expect(200)).body.items.map((u: { code: string }) => u.code);
  const usernames = async (q: string) =>
    (await t.http().get('/api/v1/people').query({ q, includeArchived: 'true' }).set(admin).expect(200)).body.items.map((p: { username: string }) => p.username);

  it('imports units, then people with mandates who can sign in and act for their unit', async () => {
    // A spreadsheet export: BOM, CR LF, a quoted comma, a parent earlier in the file and an existing one.
    const units = [
      '\uFEFFcode,name,shortName,parentCode',
      'VKS-HPG,"Viện kiểm sát nhân dân thành phố Hải Phòng, khu vực 1",VKSND Hải Phòng,VKSNDTC',
      'VKS-HPG-KV1,Viện kiểm sát nhân dân khu vực 1 - Hải Phòng,,VKS-HPG',
      'VKS-HPG-KV2,Viện kiểm sát nhân dân khu vực 2 - Hải Phòng,,VKS-HPG',
    ].join('\r\n');
    const dry = await importCsv('units', units, { dryRun: 'true' }).expect(200);
    expect(dry.body).toEqual({ rows: 3, created: 0, dryRun: true });
    expect(await unitCodes('VKS-HPG')).toEqual([]);

    const imported = await importCsv('units', units).expect(201);
    expect(imported.body).toEqual({ rows: 3, created: 3, dryRun: false });
    const stored = await t.http().get('/api/v1/units').query({ q: 'VKS-HPG' }).set(admin).expect(200);
    expect(stored.body.items.map((u: { code: string; parentCode: string; shortName: string | null }) => [u.code, u.parentCode, u.shortName])).toEqual([
      ['VKS-HPG', 'VKSNDTC', 'VKSND Hải Phòng'],
      ['VKS-HPG-KV1', 'VKS-HPG', null],
      ['VKS-HPG-KV2', 'VKS-HPG', null],
    ]);
    expect(stored.body.items[0].name).toBe('Viện kiểm sát nhân dân thành phố Hải Phòng, khu vực 1');

    const people = [
      'username,fullName,email,position,unitCode,mandateRole,validFrom,validTo,password',
      'haiphong.vientruong,Đỗ Văn Hải,hai@vks.haiphong.gov.vn,Viện trưởng,VKS-HPG,head,2020-01-01,,mat-khau-hai-phong',
      'haiphong.canbo,Mai Thị Phòng,,Cán bộ thi đua,VKS-HPG-KV1,officer,2020-01-01,2020-12-31,',
      'haiphong.khach,Khách Không Ủy Quyền,,,,,,,',
    ].join('\n');
    const importedPeople = await importCsv('people', people).expect(201);
    expect(importedPeople.body).toEqual({ rows: 3, created: 3, mandatesCreated: 2, dryRun: false });
    expect(await usernames('haiphong.')).toEqual(['haiphong.canbo', 'haiphong.khach', 'haiphong.vientruong']);

    const head = await bearerFor(t, 'haiphong.vientruong', 'mat-khau-hai-phong');
    const me = await t.http().get('/api/v1/auth/me').set(head).expect(200);
    expect(me.body).toMatchObject({ fullName: 'Đỗ Văn Hải', mandates: [expect.objectContaining({ unitCode: 'VKS-HPG', role: 'head', validTo: null })] });
    await t.http().get('/api/v1/auth/acting-for').set(head).set('X-Acting-Unit', 'VKS-HPG').expect(200);

    const officer = (await t.http().get('/api/v1/people').query({ q: 'haiphong.canbo' }).set(admin).expect(200)).body.items[0];
    const mandates = await t.http().get('/api/v1/mandates').query({ personId: officer.id }).set(admin).expect(200);
    expect(mandates.body.items).toEqual([expect.objectContaining({ role: 'officer', validFrom: '2020-01-01', validTo: '2020-12-31', unit: expect.objectContaining({ code: 'VKS-HPG-KV1' }) })]);
    // Without a password in the file the person exists but cannot sign in.
    await t.http().post('/api/v1/auth/sign-in').send({ username: 'haiphong.canbo', password: 'mat-khau-hai-phong' }).expect(401);
  });

  it('refuses a units file with bad rows, listing every one of them, and stores nothing', async () => {
    const csv = [
      'code,name,shortName,parentCode', // 1
      'VKS-BAD1,Đơn vị tốt,,VKSNDTC', // 2: fine on its own
      'vks-lower,Mã chữ thường,,', // 3: invalid code
      'VKS-BAD2,,,', // 4: missing name
      'VKS-THA,Trùng mã trong hệ thống,,', // 5: code taken
      'VKS-BAD1,Trùng mã trong tệp,,', // 6: repeats line 2
      'VKS-BAD3,Cấp trên không tồn tại,,VKS-NOWHERE', // 7: unknown parent
      'VKS-BAD4,Cấp trên ở dòng sau,,VKS-BAD5', // 8: parent later in the file
      'VKS-BAD5,Đơn vị tốt 2,,', // 9: fine
      'VKS-BAD6,Thừa cột,,,extra', // 10: too many fields
      '', // 11: blank, skipped
      'VKS-BAD7,"Tên trên',
      'hai dòng",,VKS-BAD7', // 12-13: a unit cannot be its own parent
    ].join('\n');
    const response = await importCsv('units', csv).set('Accept-Language', 'en').expect(422);
    expect(response.body.code).toBe('CSV_INVALID');
    expect(response.body.message).toBe('The CSV file has 8 invalid rows; nothing was imported.');
    expect(response.body.details.map((d: { row: number; field: string | null; code: string }) => [d.row, d.field, d.code])).toEqual([
      [3, 'code', 'INVALID_UNIT_CODE'],
      [4, 'name', 'REQUIRED'],
      [5, 'code', 'UNIT_CODE_TAKEN'],
      [6, 'code', 'DUPLICATE_IN_FILE'],
      [7, 'parentCode', 'UNKNOWN_PARENT'],
      [8, 'parentCode', 'PARENT_AFTER_CHILD'],
      [10, null, 'COLUMN_COUNT'],
      [12, 'parentCode', 'PARENT_IS_SELF'],
    ]);
    expect(response.body.details[3].message).toBe('Value VKS-BAD1 already appears on line 2.');
    expect(response.body.details[5].message).toBe('Parent unit VKS-BAD5 is on line 9; put it before this line.');
    expect(await unitCodes('VKS-BAD')).toEqual([]);

    // The dry run gives the same answer, in Vietnamese by default.
    const dry = await importCsv('units', csv, { dryRun: 'true' }).expect(422);
    expect(dry.body.details).toHaveLength(8);
    expect(dry.body.details[1].message).toBe('Thiếu giá trị bắt buộc.');
  });

  it('refuses a people file with bad rows, listing every one of them, and stores nothing', async () => {
    const closed = await t.http().post('/api/v1/units').set(admin).send({ code: 'VKS-GONE', name: 'Đã giải thể' }).expect(201);
    await t.http().post(`/api/v1/units/${closed.body.id}/archive`).set(admin).expect(200);
    const csv = [
      'username,fullName,email,position,unitCode,mandateRole,validFrom,validTo,password',
      'loi.mot,Người Tốt,,,VKS-THA,officer,2020-01-01,,mat-khau-tot-123', // 2: fine
      'thanhhoa.canbo,Trùng Tên Đăng Nhập,,,,,,,', // 3: username taken
      'Loi Hai,Tên Sai,not-an-email,,,,,,ngan', // 4: username, email, password
      'loi.ba,Đơn Vị Lạ,,,VKS-NOWHERE,head,2020-01-01,,', // 5: unknown unit
      'loi.bon,Ngày Sai,,,VKS-NAN,chief,2020-13-01,2019-01-01,', // 6: role and date
      'loi.nam,Ngày Ngược,,,VKS-NAN,deputy,2020-06-01,2020-05-31,', // 7: dates reversed
      'loi.sau,Thiếu Đơn Vị,,,,officer,2020-01-01,,', // 8: mandate without unit
      'loi.bay,Đơn Vị Lưu Trữ,,,VKS-GONE,officer,2020-01-01,,', // 9: archived unit
      'loi.mot,Trùng Trong Tệp,,,,,,,', // 10: repeats line 2
      'loi.tam,,,,VKS-NAN,,,,', // 11: no full name, no role, no start
    ].join('\n');
    const response = await importCsv('people', csv).expect(422);
    expect(response.body.code).toBe('CSV_INVALID');
    const problems = response.body.details.map((d: { row: number; field: string | null; code: string }) => `${d.row}:${d.field}:${d.code}`);
    expect(problems).toEqual([
      '3:username:USERNAME_TAKEN',
      '4:username:INVALID_USERNAME',
      '4:email:INVALID_EMAIL',
      '4:password:TOO_SHORT',
      '5:unitCode:UNKNOWN_UNIT',
      '6:mandateRole:INVALID_MANDATE_ROLE',
      '6:validFrom:INVALID_DATE',
      '7:validTo:MANDATE_DATES_INVALID',
      '8:unitCode:MANDATE_UNIT_REQUIRED',
      '9:unitCode:UNIT_ARCHIVED',
      '10:username:DUPLICATE_IN_FILE',
      '11:fullName:REQUIRED',
      '11:mandateRole:REQUIRED',
      '11:validFrom:REQUIRED',
    ]);
    expect(new Set(response.body.details.map((d: { row: number }) => d.row)).size).toBe(9);
    expect(response.body.details.every((d: { message: string }) => d.message.length > 0)).toBe(true);
    // The file names the unit by code; the message names it as people read it too.
    expect(response.body.details.find((d: { row: number }) => d.row === 9).message).toBe('Đơn vị Đã giải thể (VKS-GONE) đã lưu trữ.');
    expect(await usernames('loi.')).toEqual([]);
    // Line 2 alone was fine, and its mandate was not created either.
    const mandates = await t.http().get('/api/v1/mandates').query({ unitId: closed.body.id }).set(admin).expect(200);
    expect(mandates.body.total).toBe(0);
  });

  it('reports header problems on line 1', async () => {
    const response = await importCsv('units', 'code,title,parentCode\nVKS-H1,x,').set('Accept-Language', 'en').expect(422);
    expect(response.body.details).toEqual([
      { row: 1, field: 'title', code: 'UNKNOWN_COLUMN', message: 'Unknown column "title"; allowed: code, name, shortName, parentCode.' },
      { row: 1, field: 'name', code: 'MISSING_COLUMN', message: 'Required column "name" is missing.' },
    ]);
  });

  it('refuses files over 5,000 rows, empty files and bodies that are not CSV', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `X${i},u`);
    const big = await importCsv('units', ['code,name', ...rows].join('\n')).expect(422);
    expect(big.body).toMatchObject({ code: 'CSV_TOO_MANY_ROWS', details: { count: 5001, limit: 5000 } });
    expect((await importCsv('units', 'code,name\n').expect(422)).body.code).toBe('CSV_EMPTY');
    const json = await t.http().post('/api/v1/imports/people').set(admin).send({ username: 'x' }).expect(415);
    expect(json.body.code).toBe('CSV_CONTENT_TYPE');
    await t.http().post('/api/v1/imports/units').set(admin).expect(415);
    expect((await importCsv('units', 'code,name\nA1,a', { dryRun: 'maybe' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('keeps concurrent imports of the same codes all-or-nothing', async () => {
    const first = 'code,name\nRACE-A,A\nRACE-SHARED,Chung';
    const second = 'code,name\nRACE-B,B\nRACE-SHARED,Chung';
    const answers = await Promise.all([importCsv('units', first), importCsv('units', second)]);
    const statuses = answers.map((a) => a.status).sort();
    // Whichever loses either saw the winner's rows (422) or met the unique constraint at commit (409).
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    const loser = answers.find((a) => a.status !== 201)!;
    expect(['IMPORT_CONFLICT', 'CSV_INVALID']).toContain(loser.body.code);
    const stored = await unitCodes('RACE-');
    expect(stored).toHaveLength(2);
    expect(stored).toContain('RACE-SHARED');
    // Only one of the two private codes exists: the loser stored nothing.
    expect(stored.filter((code: string) => code === 'RACE-A' || code === 'RACE-B')).toHaveLength(1);
  });

  it('imports 5,000 units in one go', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `BULK-${String(i).padStart(4, '0')},Đơn vị số ${i},,${i === 0 ? '' : 'BULK-0000'}`);
    const response = await importCsv('units', ['code,name,shortName,parentCode', ...rows].join('\n')).expect(201);
    expect(response.body.created).toBe(5000);
    const stored = await t.http().get('/api/v1/units').query({ q: 'BULK-', limit: 1 }).set(admin).expect(200);
    expect(stored.body.total).toBe(5000);
  });
});
