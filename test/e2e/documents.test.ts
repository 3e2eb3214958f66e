import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'supertest';
import { insertedClauseId } from '../../src/modules/documents/content/amendment-merge';
import { DocumentContent, documentHash } from '../../src/modules/documents/content/document-content';
import { builtinFormsDir, readBuiltinForms, syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
type Part = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * The data of a `pact/pact-draft` submission: the 2020 pact of Cụm thi đua số 6, the People's Procuracies
 * of Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị and Thừa Thiên Huế. Typed by hand, with the
 * untidy whitespace and the decomposed diacritics (NFD) that a browser on macOS sends.
 */
function pactDraft2020(): Json {
  return {
    title: 'Giao ước thi đua  Cụm thi đua số 6',
    year: 2020,
    clusterName: 'Cụm thi đua số 6 - Viện kiểm sát nhân dân các tỉnh Bắc Trung Bộ',
    preamble:
      'Thực hiện Kế hoạch số 01/KH-VKSTC ngày 02/01/2020 của Viện kiểm sát nhân dân tối cao về công tác thi đua, khen thưởng năm 2020,   \r\n' +
      'Viện kiểm sát nhân dân các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
    clauses: [
      {
        number: 1,
        heading: 'Thực hiện chỉ tiêu nghiệp vụ',
        text: 'Phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu, yêu cầu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội và Chỉ thị công tác năm 2020 của Viện trưởng Viện kiểm sát nhân dân tối cao.',
      },
      {
        number: 2,
        heading: 'Thực hành quyền công tố và kiểm sát điều tra'.normalize('NFD'),
        text: 'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội; tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt trên 70%.',
      },
      {
        number: 3,
        heading: 'Kiểm sát giải quyết các vụ, việc dân sự, hành chính',
        text: 'Kiểm sát 100% bản án, quyết định của Tòa án; tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận đạt trên 70%.',
      },
      {
        number: 4,
        heading: 'Xây dựng ngành',
        text: '100% cán bộ, công chức, người lao động chấp hành nghiêm kỷ luật, kỷ cương;\nkhông có cán bộ bị xử lý kỷ luật từ hình thức khiển trách trở lên.',
      },
      {
        number: 5,
        heading: 'Tổ chức thực hiện',
        text: 'Đơn vị cụm trưởng (Viện kiểm sát nhân dân tỉnh Thanh Hóa) theo dõi, tổ chức sơ kết 6 tháng và tổng kết năm; đơn vị cụm phó (Viện kiểm sát nhân dân tỉnh Nghệ An) phối hợp thực hiện.',
      },
    ],
    movements: {
      hocTapLamTheoTuTuongHoChiMinh: true,
      caNuocChungSucXayDungNongThonMoi: false,
      khongDeAiBiBoLaiPhiaSau: false,
      thiDuaChaoMungNgayKyNien: true,
      thiDuaTheoChuyenDe: true,
    },
    hasOtherMovements: true,
    otherMovements: [{ movementName: 'Phong trào "Vì an ninh Tổ quốc"', movementGoal: 'Phối hợp với Công an tỉnh giữ vững an ninh, trật tự' }],
    signingPlace: 'Thành phố Thanh Hóa',
    signingDate: '2020-02-14T08:00:00+07:00',
  };
}

/** What version 1 must hold, written out independently of the code that builds it. */
function expectedVersion1(): DocumentContent {
  const draft = pactDraft2020() as { clauses: { heading: string; text: string }[] };
  return {
    title: 'Giao ước thi đua Cụm thi đua số 6 năm 2020',
    preamble:
      'Thực hiện Kế hoạch số 01/KH-VKSTC ngày 02/01/2020 của Viện kiểm sát nhân dân tối cao về công tác thi đua, khen thưởng năm 2020,\n' +
      'Viện kiểm sát nhân dân các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
    clauses: [
      ...draft.clauses.map((clause, index) => ({ id: `c-${index + 1}`, number: String(index + 1), heading: clause.heading.normalize('NFC'), text: clause.text })),
      {
        id: 'c-movements',
        number: '6',
        heading: 'Hưởng ứng các phong trào thi đua',
        text: [
          'Các đơn vị trong cụm cam kết tham gia các phong trào thi đua sau:',
          '- Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
          '- Thi đua lập thành tích chào mừng các ngày kỷ niệm, sự kiện lớn của đất nước',
          '- Thi đua theo chuyên đề do ngành Kiểm sát nhân dân phát động',
          '- Phong trào "Vì an ninh Tổ quốc": Phối hợp với Công an tỉnh giữ vững an ninh, trật tự',
        ].join('\n'),
      },
    ],
  };
}

const CLAUSE_2_AMENDED =
  'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội; tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.';

const replaceClause2 = (id = 'a-qbi-01', text = CLAUSE_2_AMENDED): Json => ({
  id,
  kind: 'replace',
  clauseId: 'c-2',
  number: '2',
  text,
  justification: 'Đề xuất của Viện kiểm sát nhân dân tỉnh Quảng Bình: nâng chỉ tiêu cho phù hợp kết quả năm 2019',
});

/** Collects a binary body: supertest only buffers text and JSON by itself. */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('documents API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'quangbinh.canbo');
    // The shipped pact draft form, alone: its select boxes name the movements of version 1.
    const dir = mkdtempSync(join(tmpdir(), 'thidua-documents-'));
    try {
      mkdirSync(join(dir, 'pact'));
      copyFileSync(join(builtinFormsDir(), 'pact', 'pact-draft.form.json'), join(dir, 'pact', 'pact-draft.form.json'));
      await syncBuiltinForms(new FormsService(t.app.get(MikroORM).em.fork()), readBuiltinForms(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const clusters = await t.http().get('/api/v1/clusters').set(admin).expect(200);
    clusterId = clusters.body.items.find((cluster: { name: string; year: number }) => cluster.name === 'Cụm thi đua số 6' && cluster.year === 2020).id;
  });
  afterAll(() => t.close());

  const create = (body: Json) => t.http().post('/api/v1/documents').set(admin).send(body);
  const addVersion = (id: string, body: Json) => t.http().post(`/api/v1/documents/${id}/versions`).set(admin).send(body);

  it('creates a pact from a 2020 draft, merges an amendment into version 2, diffs, and exports Markdown and PDF', async () => {
    const created = await create({ pactDraft: pactDraft2020(), clusterId }).expect(201);
    const id: string = created.body.id;
    const v1 = created.body.latest;
    expect(created.body).toMatchObject({ title: 'Giao ước thi đua Cụm thi đua số 6 năm 2020', clusterId, campaignId: null });
    expect(v1).toMatchObject({ number: 1, basedOn: null, createdBy: { username: 'admin' }, changelog: { amendments: [], changes: [] } });
    expect(v1.content).toEqual(expectedVersion1());

    // The hash can be recomputed offline from the content (this value was checked with Python's json + hashlib), and does not move between releases.
    expect(v1.contentHash).toBe(documentHash(expectedVersion1()));
    expect(v1.contentHash).toBe('450138b9d49dbf37220eb752e4508147635d2b6000d5903b1c504c57844d56dd');
    // The same content sent directly, keys in another order, gives the same hash.
    const { clauses, title, preamble } = expectedVersion1();
    const again = await create({ content: { clauses: clauses.map(({ text, number, id: clauseId, heading }) => ({ text, number, heading, id: clauseId })), preamble, title } }).expect(201);
    expect(again.body.latest.contentHash).toBe(v1.contentHash);

    // Any signed-in person reads; only administrators create and merge.
    const read = await t.http().get(`/api/v1/documents/${id}`).set(officer).expect(200);
    expect(read.body.versions.map((version: { number: number }) => version.number)).toEqual([1]);
    expect((await t.http().post('/api/v1/documents').set(officer).send({ pactDraft: pactDraft2020() }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await addVersion(id, { baseVersion: 1, amendments: [replaceClause2()] }).set(officer).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    await t.http().get(`/api/v1/documents/${id}`).expect(401);

    const v2 = (await addVersion(id, { baseVersion: 1, amendments: [replaceClause2()], order: ['a-qbi-01'] }).expect(201)).body;
    expect(v2).toMatchObject({ documentId: id, number: 2, basedOn: 1, createdBy: { username: 'admin' } });
    expect(v2.content.clauses[1]).toEqual({ id: 'c-2', number: '2', heading: 'Thực hành quyền công tố và kiểm sát điều tra', text: CLAUSE_2_AMENDED });
    expect(v2.content.clauses.slice(2)).toEqual(expectedVersion1().clauses.slice(2));
    expect(v2.contentHash).toBe(documentHash({ ...expectedVersion1(), clauses: v2.content.clauses }));
    expect(v2.changelog).toEqual({
      amendments: [{ amendmentId: 'a-qbi-01', kind: 'replace', clauseId: 'c-2', number: '2', summary: { vi: 'Đề xuất a-qbi-01: sửa Điều 2', en: 'Amendment a-qbi-01: changed Article 2' } }],
      changes: [
        {
          kind: 'changed',
          clauseId: 'c-2',
          summary: { vi: 'Sửa nội dung Điều 2 (Thực hành quyền công tố và kiểm sát điều tra)', en: 'Changed the text of Article 2 (Thực hành quyền công tố và kiểm sát điều tra)' },
        },
      ],
    });

    const diff = (await t.http().get(`/api/v1/documents/${id}/diff?from=1&to=2`).set(officer).expect(200)).body;
    expect(diff).toMatchObject({ from: { number: 1, contentHash: v1.contentHash }, to: { number: 2, contentHash: v2.contentHash }, added: [], removed: [], moved: [], renumbered: [] });
    expect(diff.title).toBeUndefined();
    expect(diff.changed).toHaveLength(1);
    const parts: Part[] = diff.changed[0].text;
    // Words, with punctuation as its own token: only "trên 70" → "từ 75" and the added "trở lên" changed.
    expect(parts).toEqual([
      { kind: 'same', text: 'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội; tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt ' },
      { kind: 'removed', text: 'trên 70' },
      { kind: 'added', text: 'từ 75' },
      { kind: 'same', text: '%' },
      { kind: 'added', text: ' trở lên' },
      { kind: 'same', text: '.' },
    ]);
    expect(parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join('')).toBe(CLAUSE_2_AMENDED);
    expect(diff.changelog).toEqual(v2.changelog.changes);

    // Merging again into version 1 would fork the pact: refused.
    const stale = await addVersion(id, { baseVersion: 1, amendments: [replaceClause2('a-nan-01', 'Một nội dung khác.')] }).set('Accept-Language', 'en').expect(409);
    expect(stale.body).toMatchObject({ code: 'DOCUMENT_VERSION_STALE', details: { baseVersion: 1, latestVersion: 2 } });
    expect(stale.body.message).toContain('latest version is 2');

    const markdown = await t.http().get(`/api/v1/documents/${id}/versions/2/markdown`).set(officer).expect(200);
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers['content-disposition']).toBe('attachment; filename="giao-uoc-thi-dua-cum-thi-dua-so-6-nam-2020-v2.md"');
    expect(markdown.text).toContain('# Giao ước thi đua Cụm thi đua số 6 năm 2020\n');
    expect(markdown.text).toContain(`Phiên bản 2 · Mã băm SHA-256: \`${v2.contentHash}\``);
    expect(markdown.text).toContain(`## Điều 2. Thực hành quyền công tố và kiểm sát điều tra\n\n${CLAUSE_2_AMENDED}\n`);
    const english = await t.http().get(`/api/v1/documents/${id}/versions/1/markdown?lang=en`).set(officer).expect(200);
    expect(english.text).toContain('## Article 1. Thực hiện chỉ tiêu nghiệp vụ');

    const pdf = await t.http().get(`/api/v1/documents/${id}/versions/2/pdf`).set(officer).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="giao-uoc-thi-dua-cum-thi-dua-so-6-nam-2020-v2.pdf"');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(`(sha256:${v2.contentHash})`);
    const again2 = await t.http().get(`/api/v1/documents/${id}/versions/2/pdf`).set(officer).buffer(true).parse(binary).expect(200);
    expect((again2.body as Buffer).equals(bytes)).toBe(true);

    const list = await t.http().get(`/api/v1/documents?clusterId=${clusterId}`).set(officer).expect(200);
    expect(list.body).toEqual({ total: 1, items: [expect.objectContaining({ id, clusterId, latest: expect.objectContaining({ number: 2, contentHash: v2.contentHash }) })] });
    const detail = await t.http().get(`/api/v1/documents/${id}`).set(officer).expect(200);
    expect(detail.body.versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
    expect(detail.body.latest.content).toEqual(v2.content);
    expect((await t.http().get(`/api/v1/documents/${id}/versions/1`).set(officer).expect(200)).body.content).toEqual(expectedVersion1());
  });

  it('lets only one of two merges racing from the same base become the next version', async () => {
    const { id } = (await create({ pactDraft: pactDraft2020() }).expect(201)).body;
    const [first, second] = await Promise.all([
      addVersion(id, { baseVersion: 1, amendments: [replaceClause2('a-hti-01', 'Phương án của Hà Tĩnh.')] }),
      addVersion(id, { baseVersion: 1, amendments: [replaceClause2('a-qtr-01', 'Phương án của Quảng Trị.')] }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect([first, second].find((response) => response.status === 409)!.body.code).toBe('DOCUMENT_VERSION_STALE');
    const detail = await t.http().get(`/api/v1/documents/${id}`).set(admin).expect(200);
    expect(detail.body.versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
  });

  it('replays a retried POST with the same Idempotency-Key instead of creating a second document or answering stale', async () => {
    const campaignId = randomUUID();
    const body = { pactDraft: pactDraft2020(), campaignId };
    const first = await create(body).set('Idempotency-Key', `pact-2020-${campaignId}`).expect(201);
    const retry = await create(body).set('Idempotency-Key', `pact-2020-${campaignId}`).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await t.http().get(`/api/v1/documents?campaignId=${campaignId}`).set(admin).expect(200)).body.total).toBe(1);

    const merge = { baseVersion: 1, amendments: [replaceClause2()] };
    const merged = await addVersion(first.body.id, merge).set('Idempotency-Key', `merge-1-${campaignId}`).expect(201);
    const replayed = await addVersion(first.body.id, merge).set('Idempotency-Key', `merge-1-${campaignId}`).expect(201);
    expect(replayed.body).toEqual(merged.body);
    expect((await addVersion(first.body.id, merge).expect(409)).body.code).toBe('DOCUMENT_VERSION_STALE');
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const { paths } = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/v1/documents', '/api/v1/documents/{id}', '/api/v1/documents/{id}/versions', '/api/v1/documents/{id}/versions/{number}', '/api/v1/documents/{id}/diff']) {
      expect(paths).toHaveProperty([path]);
    }
    expect(paths['/api/v1/documents/{id}/versions/{number}/pdf'].get.responses['200'].content).toHaveProperty(['application/pdf']);
    expect(paths['/api/v1/documents/{id}/versions/{number}/markdown'].get.responses['200'].content).toHaveProperty(['text/markdown']);
  });

  it('reports every problem of invalid content with 422, and refuses merges that cannot apply', async () => {
    const invalid = await create({
      content: {
        title: '   ',
        author: 'VKSND tỉnh Hà Tĩnh',
        clauses: [
          { id: 'c-1', number: '1', text: 'Hoàn thành chỉ tiêu.' },
          { id: 'c-1', number: '2', text: '' },
          { id: 'điều 3', number: 3, text: 'Xây dựng ngành.' },
        ],
      },
    }).expect(422);
    expect(invalid.body.code).toBe('DOCUMENT_CONTENT_INVALID');
    expect(invalid.body.details.map((problem: { path: string; code: string }) => `${problem.code} ${problem.path}`).sort()).toEqual([
      'DUPLICATE clauses[1].id',
      'ID_FORMAT clauses[2].id',
      'NOT_STRING clauses[2].number',
      'REQUIRED clauses[1].text',
      'REQUIRED title',
      'UNKNOWN_KEY author',
    ]);
    expect(invalid.body.message).toContain('6 lỗi');

    const draft = pactDraft2020();
    draft.clauses = [{ number: 1, heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: '' }];
    const badDraft = await create({ pactDraft: draft }).expect(422);
    expect(badDraft.body.details).toEqual([expect.objectContaining({ path: 'clauses[0].text', code: 'REQUIRED' })]);

    expect((await create({}).expect(400)).body.code).toBe('DOCUMENT_SOURCE_INVALID');
    expect((await create({ content: expectedVersion1(), pactDraft: pactDraft2020() }).expect(400)).body.code).toBe('DOCUMENT_SOURCE_INVALID');
    expect((await create({ content: 'Giao ước' }).expect(400)).body.code).toBe('VALIDATION_FAILED');

    const { id } = (await create({ content: expectedVersion1() }).expect(201)).body;
    const conflict = await addVersion(id, { baseVersion: 1, amendments: [replaceClause2('a-1'), { ...replaceClause2('a-2'), kind: 'delete' }] }).expect(409);
    expect(conflict.body).toMatchObject({ code: 'AMENDMENT_CONFLICT', details: [{ a: 'a-1', b: 'a-2', clause: 'c-2', reason: 'both-change-clause' }] });
    // The clause by its number, as the document shows it; its id stays in details.
    expect(conflict.body.message).toBe('Hai đề xuất sửa đổi đã được chấp thuận a-1 và a-2 cùng tác động đến Điều 2; không thể hợp nhất (xem details).');
    const missing = await addVersion(id, { baseVersion: 1, amendments: [{ ...replaceClause2(), clauseId: 'c-9' }] }).expect(422);
    expect(missing.body.code).toBe('AMENDMENT_TARGET_MISSING');
    const unordered = await addVersion(id, { baseVersion: 1, amendments: [replaceClause2()], order: [] }).expect(422);
    expect(unordered.body).toMatchObject({ code: 'AMENDMENT_INVALID', details: [{ path: 'order', code: 'MISSING' }] });
    const malformed = await addVersion(id, { baseVersion: 1, amendments: [{ id: 'a-1', kind: 'rewrite', justification: 'x' }] }).expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const unchanged = await addVersion(id, { baseVersion: 1, amendments: [replaceClause2('a-same', expectedVersion1().clauses[1].text)] }).expect(409);
    expect(unchanged.body).toMatchObject({ code: 'DOCUMENT_CONTENT_EXISTS', details: { number: 1 } });

    // An insert and a delete in one merge: the inserted clause gets an id derived from the amendment.
    const merged = await addVersion(id, {
      baseVersion: 1,
      amendments: [
        { id: 'a-tth-01', kind: 'insert', clauseId: 'c-3', heading: 'Cải cách tư pháp', text: 'Triển khai phòng xét xử trực tuyến theo hướng dẫn của ngành.', justification: 'Đề xuất của VKSND tỉnh Thừa Thiên Huế' },
        { id: 'a-tha-01', kind: 'delete', clauseId: 'c-movements', justification: 'Phong trào đã nêu trong kế hoạch riêng' },
      ],
    }).expect(201);
    expect(merged.body.content.clauses.map((clause: { id: string; number: string }) => `${clause.number} ${clause.id}`)).toEqual(['1 c-1', '2 c-2', '3 c-3', `4 ${insertedClauseId('a-tth-01')}`, '5 c-4', '6 c-5']);
    expect(merged.body.changelog.amendments.map((entry: { summary: { vi: string } }) => entry.summary.vi)).toEqual(['Đề xuất a-tth-01: thêm Điều 4', 'Đề xuất a-tha-01: bỏ Điều 6 (bản cũ)']);
  });

  it('answers unknown documents and versions with 404 and a code', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of ['', '/versions/1', '/versions/1/markdown', '/versions/1/pdf', '/diff?from=1&to=1']) {
      const response = await t.http().get(`/api/v1/documents/${missing}${path}`).set(officer).expect(404);
      expect(response.body.code).toBe('DOCUMENT_NOT_FOUND');
    }
    expect((await addVersion(missing, { baseVersion: 1, amendments: [replaceClause2()] }).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');

    const { id } = (await create({ content: expectedVersion1(), title: 'Bản thử 404' }).expect(201)).body;
    for (const path of ['/versions/2', '/versions/2/markdown', '/versions/2/pdf', '/diff?from=1&to=2']) {
      const response = await t.http().get(`/api/v1/documents/${id}${path}`).set(officer).set('Accept-Language', 'en').expect(404);
      // The document is named by its title, not its id.
      expect(response.body).toMatchObject({ code: 'DOCUMENT_VERSION_NOT_FOUND', message: 'Document “Bản thử 404” has no version 2.' });
    }
    expect((await addVersion(id, { baseVersion: 3, amendments: [replaceClause2()] }).expect(404)).body.code).toBe('DOCUMENT_VERSION_NOT_FOUND');
    await t.http().get('/api/v1/documents/not-a-uuid').set(officer).expect(400);
    await t.http().get(`/api/v1/documents/${id}/versions/0`).set(officer).expect(400);
    await t.http().get(`/api/v1/documents/${id}/diff?from=1`).set(officer).expect(400);
  });
});
