import { insertedClauseId } from '../../src/modules/documents/content/amendment-merge';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
type Auth = { Authorization: string };

/** The 2020 pact of Cụm thi đua số 6 as version 1, clause ids c-1…c-5. */
function pact2020(clusterId: string): Json {
  return {
    clusterId,
    content: {
      title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6',
      preamble:
        'Viện kiểm sát nhân dân các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
      clauses: [
        { id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu, yêu cầu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
        {
          id: 'c-2',
          number: '2',
          heading: 'Thực hành quyền công tố và kiểm sát điều tra',
          text: 'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội; tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt trên 70%.',
        },
        { id: 'c-3', number: '3', heading: 'Kiểm sát giải quyết các vụ, việc dân sự, hành chính', text: 'Kiểm sát 100% bản án, quyết định của Tòa án.' },
        { id: 'c-4', number: '4', heading: 'Xây dựng ngành', text: '100% cán bộ, công chức chấp hành nghiêm kỷ luật, kỷ cương.' },
        { id: 'c-5', number: '5', heading: 'Tổ chức thực hiện', text: 'Đơn vị cụm trưởng (Viện kiểm sát nhân dân tỉnh Thanh Hóa) tổ chức sơ kết 6 tháng và tổng kết năm.' },
      ],
    },
  };
}

const CLAUSE_2_AMENDED =
  'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội; tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.';

const SLUGS = ['thanhhoa', 'nghean', 'hatinh', 'quangbinh', 'quangtri', 'hue'];

describe('discussion and amendments API (e2e)', () => {
  let t: TestApp;
  const as: Record<string, Auth> = {};
  let clusterId: string;

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of ['admin', 'tdkt.chuyenvien', 'hatinh.vientruong', 'quangbinh.vientruong', ...SLUGS.map((slug) => `${slug}.canbo`)]) {
      as[username] = await bearerFor(t, username);
    }
    const clusters = await t.http().get('/api/v1/clusters').set(as.admin).expect(200);
    clusterId = clusters.body.items.find((cluster: { name: string; year: number }) => cluster.name === 'Cụm thi đua số 6' && cluster.year === 2020).id;
  });
  afterAll(() => t.close());

  const createPact = async (): Promise<string> => (await t.http().post('/api/v1/documents').set(as.admin).send(pact2020(clusterId)).expect(201)).body.id;
  const openThread = (documentId: string, user: string, body: Json) => t.http().post(`/api/v1/documents/${documentId}/threads`).set(as[user]).send(body);
  const comment = (threadId: string, user: string, body: Json) => t.http().post(`/api/v1/threads/${threadId}/comments`).set(as[user]).send(body);
  const propose = (documentId: string, user: string, body: Json) => t.http().post(`/api/v1/documents/${documentId}/amendments`).set(as[user]).send(body);
  const decide = (id: string, body: Json) => t.http().post(`/api/v1/amendments/${id}/decision`).set(as.admin).send(body);
  const merge = (documentId: string) => t.http().post(`/api/v1/documents/${documentId}/amendments/merge`).set(as.admin);
  const notices = (user: string, query = '') => t.http().get(`/api/v1/discussion-notices${query}`).set(as[user]).expect(200);

  it('lets units discuss a clause: replies, mentions that notify, edits that keep their history', async () => {
    const documentId = await createPact();
    const body = 'Đề nghị nâng chỉ tiêu kiến nghị, kháng nghị lên 75%; đề nghị @VKS-QBI cho ý kiến.'.normalize('NFD');
    const opened = await openThread(documentId, 'hatinh.canbo', { title: 'Chỉ tiêu tại Điều 2', clauseId: 'c-2', body }).expect(201);
    const thread = opened.body;
    // The officer holds one mandate, so speaks for Hà Tĩnh; the record says who, for which unit, under which mandate.
    expect(thread).toMatchObject({ documentId, versionNumber: 1, clauseId: 'c-2', status: 'open', commentCount: 1 });
    expect(thread.openedBy).toMatchObject({ person: { username: 'hatinh.canbo' }, unit: { code: 'VKS-HTI' }, mandateId: expect.any(String) });
    const first = thread.comments[0];
    expect(first.body).toBe(body.normalize('NFC'));
    expect(first.author).toMatchObject({ person: { username: 'hatinh.canbo' }, unit: { code: 'VKS-HTI' } });
    expect(first.mentions).toEqual([{ kind: 'unit', id: expect.any(String), code: 'VKS-QBI' }]);

    // Nghệ An answers, naming the unit explicitly; an unknown name stays plain text.
    const reply = await comment(thread.id, 'nghean.canbo', { body: 'Thống nhất với @hatinh.canbo; đề nghị @VKS-XYZ bổ sung.', parentId: first.id }).set('X-Acting-Unit', 'VKS-NAN').expect(201);
    expect(reply.body).toMatchObject({ parentId: first.id, author: { person: { username: 'nghean.canbo' }, unit: { code: 'VKS-NAN' } } });
    expect(reply.body.mentions).toEqual([{ kind: 'person', id: expect.any(String), code: 'hatinh.canbo' }]);
    // A reply to a reply answers the same top-level comment; someone without a unit mandate speaks for themselves.
    const nested = await comment(thread.id, 'admin', { body: 'Ghi nhận.', parentId: reply.body.id }).expect(201);
    expect(nested.body).toMatchObject({ parentId: first.id, author: { person: { username: 'admin' }, unit: null, mandateId: null } });
    // A reply to a comment of another thread: the thread is named, the comment's id stays in details.
    const other = (await openThread(documentId, 'hatinh.canbo', { title: 'Điều 3', clauseId: 'c-3', body: 'Ý kiến khác.' }).expect(201)).body;
    const astray = await comment(other.id, 'admin', { body: 'Trả lời nhầm chỗ.', parentId: first.id }).expect(422);
    expect(astray.body).toEqual({ code: 'DISCUSSION_PARENT_INVALID', message: 'Ý kiến được trả lời không thuộc chủ đề thảo luận “Điều 3”.', details: { parentId: first.id } });
    expect((await comment(thread.id, 'hatinh.canbo', { body: 'Thay mặt Quảng Trị' }).set('X-Acting-Unit', 'VKS-QTR').expect(403)).body.code).toBe('NOT_MANDATED');
    expect((await comment(thread.id, 'hatinh.canbo', { body: '   ' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await comment(thread.id, 'hatinh.canbo', { body: 'x'.repeat(10001) }).expect(400)).body.code).toBe('VALIDATION_FAILED');

    // Mentioning Quảng Bình notified the unit: every person with a mandate for it sees it, others do not.
    const qbi = (await notices('quangbinh.vientruong')).body;
    expect(qbi.total).toBe(1);
    expect(qbi.items[0]).toMatchObject({ recipientUnit: { code: 'VKS-QBI' }, documentId, threadId: thread.id, commentId: first.id, readAt: null });
    expect(qbi.items[0].message.vi).toContain('(VKS-HTI) đã nhắc đến đơn vị VKS-QBI trong chủ đề thảo luận "Chỉ tiêu tại Điều 2"');
    expect(qbi.items[0].message.en).toContain('mentioned unit VKS-QBI');
    expect((await notices('quangbinh.canbo')).body.items.map((notice: Json) => notice.id)).toEqual([qbi.items[0].id]);
    expect((await notices('quangtri.canbo')).body.total).toBe(0);
    expect((await t.http().post(`/api/v1/discussion-notices/${qbi.items[0].id}/read`).set(as['quangtri.canbo']).expect(404)).body.code).toBe('DISCUSSION_NOTICE_NOT_FOUND');
    const read = await t.http().post(`/api/v1/discussion-notices/${qbi.items[0].id}/read`).set(as['quangbinh.canbo']).expect(200);
    expect(read.body).toMatchObject({ readAt: expect.any(String), readBy: { username: 'quangbinh.canbo' } });
    expect((await notices('quangbinh.vientruong', '?unread=true')).body.total).toBe(0);
    // Hà Tĩnh's officer was mentioned by name.
    const hti = (await notices('hatinh.canbo')).body;
    expect(hti.items).toEqual([expect.objectContaining({ recipientPerson: expect.objectContaining({ username: 'hatinh.canbo' }), commentId: reply.body.id })]);

    // Only the author edits; every earlier body is kept, and a mention new in the edit notifies.
    const edit = (user: string, text: string) => t.http().patch(`/api/v1/comments/${first.id}`).set(as[user]).send({ body: text });
    expect((await edit('nghean.canbo', 'Sửa hộ').expect(403)).body.code).toBe('NOT_COMMENT_AUTHOR');
    const edited = await edit('hatinh.canbo', 'Đề nghị nâng chỉ tiêu lên 75%; đề nghị @VKS-QBI và @VKS-QTR cho ý kiến.').expect(200);
    expect(edited.body).toMatchObject({ revisionCount: 1, editedAt: expect.any(String), revisions: [{ number: 1, body: body.normalize('NFC') }] });
    expect(edited.body.mentions.map((mention: Json) => mention.code)).toEqual(['VKS-QBI', 'VKS-QTR']);
    await edit('hatinh.canbo', 'Đề nghị nâng chỉ tiêu lên 75%.').expect(200);
    const history = await t.http().get(`/api/v1/comments/${first.id}`).set(as['quangtri.canbo']).expect(200);
    expect(history.body.body).toBe('Đề nghị nâng chỉ tiêu lên 75%.');
    expect(history.body.revisions.map((revision: Json) => revision.body)).toEqual([body.normalize('NFC'), 'Đề nghị nâng chỉ tiêu lên 75%; đề nghị @VKS-QBI và @VKS-QTR cho ý kiến.']);
    expect((await notices('quangtri.canbo')).body.total).toBe(1);
    expect((await notices('quangbinh.canbo')).body.total).toBe(1);

    // Edits racing on one comment, each made on the revision its author read (none yet): exactly one wins and keeps
    // one earlier body; every other is told to reload, whatever the timing.
    const replyEdits = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => t.http().patch(`/api/v1/comments/${reply.body.id}`).set(as['nghean.canbo']).send({ body: `Phương án ${n}`, expectedRevision: 0 })),
    );
    expect(replyEdits.map((response) => response.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(replyEdits.filter((response) => response.status === 409).map((response) => response.body)).toEqual(
      Array(4).fill({ code: 'COMMENT_EDITED_CONCURRENTLY', message: 'Ý kiến này vừa được sửa ở nơi khác; hãy tải lại rồi sửa tiếp.', details: { id: reply.body.id } }),
    );
    const winner = replyEdits.find((response) => response.status === 200)!;
    const replyHistory = await t.http().get(`/api/v1/comments/${reply.body.id}`).set(as.admin).expect(200);
    expect(replyHistory.body).toMatchObject({ body: winner.body.body, revisionCount: 1 });
    expect(replyHistory.body.revisions.map((revision: Json) => revision.number)).toEqual([1]);
    // An edit on the revision now read goes through.
    await t.http().patch(`/api/v1/comments/${reply.body.id}`).set(as['nghean.canbo']).send({ body: 'Phương án cuối', expectedRevision: 1 }).expect(200);

    const full = await t.http().get(`/api/v1/threads/${thread.id}`).set(as['quangtri.canbo']).expect(200);
    expect(full.body.comments.map((c: Json) => c.id)).toEqual([first.id, reply.body.id, nested.body.id]);
    expect((await t.http().get(`/api/v1/threads/${thread.id}/comments`).set(as['quangtri.canbo']).expect(200)).body).toHaveLength(3);
    const list = await t.http().get(`/api/v1/documents/${documentId}/threads?clauseId=c-2`).set(as['quangtri.canbo']).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: thread.id, commentCount: 3 }] });
    expect((await t.http().get(`/api/v1/documents/${documentId}/threads?clauseId=document`).set(as.admin).expect(200)).body.total).toBe(0);

    // Threads on the whole document; a clause that is not in the version is refused.
    const general = await openThread(documentId, 'quangbinh.vientruong', { title: 'Ý kiến chung', body: 'Thống nhất dự thảo.' }).expect(201);
    expect(general.body).toMatchObject({ clauseId: null, openedBy: { unit: { code: 'VKS-QBI' } } });
    expect((await openThread(documentId, 'hatinh.canbo', { title: 'Điều 9', clauseId: 'c-9', body: 'Không có điều này.' }).expect(422)).body.code).toBe('DISCUSSION_CLAUSE_NOT_FOUND');

    // Resolving: Nghệ An may not; the head of Hà Tĩnh (the unit that opened it) may; then no more comments.
    expect((await t.http().patch(`/api/v1/threads/${thread.id}`).set(as['nghean.canbo']).send({ status: 'resolved' }).expect(403)).body.code).toBe('NOT_THREAD_OWNER');
    const resolved = await t.http().patch(`/api/v1/threads/${thread.id}`).set(as['hatinh.vientruong']).send({ status: 'resolved' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { username: 'hatinh.vientruong' } });
    expect((await comment(thread.id, 'nghean.canbo', { body: 'Thêm ý kiến' }).expect(409)).body.code).toBe('DISCUSSION_THREAD_RESOLVED');
    await t.http().get('/api/v1/threads/00000000-0000-4000-8000-000000000000').set(as.admin).expect(404);
  });

  it('decides amendments, merges the accepted one into version 2 and keeps the rejected one on record', async () => {
    const documentId = await createPact();
    const early = await openThread(documentId, 'quangtri.canbo', { title: 'Bỏ Điều 4', clauseId: 'c-4', body: 'Quảng Trị đề xuất bỏ Điều 4.' }).expect(201);
    const hti = await propose(documentId, 'hatinh.canbo', {
      baseVersion: 1,
      kind: 'replace',
      clauseId: 'c-2',
      text: CLAUSE_2_AMENDED,
      justification: 'Nâng chỉ tiêu cho phù hợp kết quả năm 2019 của các đơn vị trong cụm.',
    }).expect(201);
    expect(hti.body).toMatchObject({ documentId, baseVersion: 1, kind: 'replace', clauseId: 'c-2', heading: null, status: 'proposed', proposedBy: { person: { username: 'hatinh.canbo' }, unit: { code: 'VKS-HTI' }, mandateId: expect.any(String) } });
    const qtr = await propose(documentId, 'quangtri.canbo', { baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Nội dung đã có trong quy chế của ngành.' }).expect(201);
    const nan = await propose(documentId, 'nghean.canbo', { baseVersion: 1, kind: 'insert', clauseId: 'c-3', heading: 'Cải cách tư pháp', text: 'Tổ chức phiên tòa rút kinh nghiệm.', justification: 'Bổ sung.' })
      .set('X-Acting-Unit', 'VKS-NAN')
      .expect(201);

    expect([hti, qtr, nan].map((response) => response.body.number)).toEqual([1, 2, 3]);

    // Bad input, each with its code.
    expect((await propose(documentId, 'hatinh.canbo', { baseVersion: 1, kind: 'replace', clauseId: 'c-2', text: 'Khác.', justification: '  ' }).expect(422)).body.code).toBe('AMENDMENT_JUSTIFICATION_REQUIRED');
    const unknown = await propose(documentId, 'hatinh.canbo', { baseVersion: 1, kind: 'replace', clauseId: 'c-9', text: 'Khác.', justification: 'Lý do.' }).expect(422);
    expect(unknown.body).toMatchObject({
      code: 'AMENDMENT_TARGET_MISSING',
      message: 'Đề xuất sửa đổi của Viện kiểm sát nhân dân tỉnh Hà Tĩnh nhắm tới điều khoản c-9 không có trong phiên bản được sửa đổi.',
      details: { clause: 'c-9' },
    });
    // The kind in the form's words, not its key.
    expect((await propose(documentId, 'hatinh.canbo', { baseVersion: 1, kind: 'replace', clauseId: 'c-2', justification: 'Lý do.' }).expect(422)).body).toEqual({
      code: 'AMENDMENT_TEXT_REQUIRED',
      message: 'Đề xuất “thay thế” phải có nội dung mới của điều khoản.',
    });
    const noClause = await propose(documentId, 'hatinh.canbo', { baseVersion: 1, kind: 'delete', clauseId: null, justification: 'Lý do.' }).set('Accept-Language', 'en').expect(422);
    expect(noClause.body).toEqual({ code: 'AMENDMENT_CLAUSE_REQUIRED', message: 'A “delete” amendment must name the clause it changes.' });
    expect((await propose(documentId, 'admin', { baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Lý do.' }).expect(403)).body.code).toBe('AMENDMENT_UNIT_REQUIRED');
    // A council member acts for a department of the Supreme Procuracy, not for a member of Cụm thi đua số 6.
    expect((await propose(documentId, 'tdkt.chuyenvien', { baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Lý do.' }).expect(403)).body).toEqual({
      code: 'AMENDMENT_UNIT_NOT_MEMBER',
      message: 'Đơn vị Vụ Thi đua - Khen thưởng, Viện kiểm sát nhân dân tối cao không phải thành viên của cụm thi đua có văn bản này, nên không được đề xuất sửa đổi.',
    });
    expect((await propose(documentId, 'hatinh.canbo', { baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Lý do.' }).set('X-Acting-Unit', 'VKS-QBI').expect(403)).body.code).toBe('NOT_MANDATED');
    expect((await propose(documentId, 'hatinh.canbo', { baseVersion: 3, kind: 'delete', clauseId: 'c-4', justification: 'Lý do.' }).expect(404)).body.code).toBe('DOCUMENT_VERSION_NOT_FOUND');
    expect((await propose(documentId, 'hatinh.canbo', { baseVersion: 1, kind: 'rewrite', clauseId: 'c-4', justification: 'Lý do.' }).expect(400)).body.code).toBe('VALIDATION_FAILED');

    // Only the proposing unit withdraws, and only while undecided.
    expect((await t.http().post(`/api/v1/amendments/${nan.body.id}/withdraw`).set(as['quangbinh.canbo']).expect(403)).body.code).toBe('NOT_AMENDMENT_PROPOSER');
    const withdrawn = await t.http().post(`/api/v1/amendments/${nan.body.id}/withdraw`).set(as['nghean.canbo']).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnBy: { person: { username: 'nghean.canbo' }, unit: { code: 'VKS-NAN' } } });

    // Decisions: administrators only, idempotent, never reversed.
    const pollId = '5b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';
    expect((await t.http().post(`/api/v1/amendments/${hti.body.id}/decision`).set(as['hatinh.vientruong']).send({ decision: 'accepted' }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    const accepted = await decide(hti.body.id, { decision: 'accepted', note: 'Biểu quyết: 5/6 đơn vị đồng ý', pollId }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', pollId, decisionNote: 'Biểu quyết: 5/6 đơn vị đồng ý', decidedBy: { username: 'admin' }, decidedAt: expect.any(String) });
    expect((await decide(hti.body.id, { decision: 'accepted', pollId }).expect(200)).body.decidedAt).toBe(accepted.body.decidedAt);
    // Named by its number and its status in words, not by ids and codes.
    expect((await decide(hti.body.id, { decision: 'rejected' }).expect(409)).body).toMatchObject({ code: 'AMENDMENT_ALREADY_DECIDED', message: `Đề xuất sửa đổi số ${hti.body.number} đã được quyết định: đã được chấp nhận.` });
    await decide(qtr.body.id, { decision: 'rejected', note: 'Biểu quyết: 2/6 đơn vị đồng ý' }).expect(200);
    expect((await decide(nan.body.id, { decision: 'accepted' }).expect(409)).body.code).toBe('AMENDMENT_NOT_OPEN');
    expect((await t.http().post(`/api/v1/amendments/${qtr.body.id}/withdraw`).set(as['quangtri.canbo']).set('Accept-Language', 'en').expect(409)).body).toMatchObject({ code: 'AMENDMENT_NOT_OPEN', message: `Amendment no. ${qtr.body.number} is rejected; this cannot be done now.` });

    // The merge: version 2 from the accepted amendment only, named in its changelog.
    expect((await merge(documentId).set(as['hatinh.vientruong']).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    const merged = await merge(documentId).expect(200);
    expect(merged.body.version).toMatchObject({ documentId, number: 2, basedOn: 1, createdBy: { username: 'admin' } });
    expect(merged.body.version.changelog.amendments).toEqual([
      { amendmentId: hti.body.id, kind: 'replace', clauseId: 'c-2', number: '2', summary: { vi: `Đề xuất ${hti.body.id}: sửa Điều 2`, en: `Amendment ${hti.body.id}: changed Article 2` } },
    ]);
    expect(merged.body.version.content.clauses.map((clause: Json) => clause.id)).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
    expect(merged.body.version.content.clauses[1].text).toBe(CLAUSE_2_AMENDED);
    expect(merged.body.merged).toEqual([expect.objectContaining({ id: hti.body.id, status: 'merged', mergedIntoVersion: 2 })]);
    const diff = await t.http().get(`/api/v1/documents/${documentId}/diff?from=1&to=2`).set(as['quangtri.canbo']).expect(200);
    expect(diff.body.changed.map((change: Json) => change.id)).toEqual(['c-2']);

    // Every amendment stays listed, in the order proposed: the rejected one as rejected.
    const listed = await t.http().get(`/api/v1/documents/${documentId}/amendments`).set(as['quangtri.canbo']).expect(200);
    expect(listed.body.items.map((amendment: Json) => [amendment.id, amendment.status, amendment.mergedIntoVersion])).toEqual([
      [hti.body.id, 'merged', 2],
      [qtr.body.id, 'rejected', null],
      [nan.body.id, 'withdrawn', null],
    ]);
    const rejected = await t.http().get(`/api/v1/documents/${documentId}/amendments?status=rejected`).set(as['quangtri.canbo']).expect(200);
    expect(rejected.body.items).toEqual([expect.objectContaining({ id: qtr.body.id, decisionNote: 'Biểu quyết: 2/6 đơn vị đồng ý', proposedBy: expect.objectContaining({ unit: expect.objectContaining({ code: 'VKS-QTR' }) }) })]);
    expect((await t.http().get(`/api/v1/amendments/${qtr.body.id}`).set(as['hatinh.canbo']).expect(200)).body.status).toBe('rejected');
    // Nothing accepted is waiting any more.
    expect((await merge(documentId).expect(200)).body).toEqual({ version: null, merged: [] });
    // The vote stage retrying its decision after the merge is answered as done.
    expect((await decide(hti.body.id, { decision: 'accepted', pollId }).expect(200)).body).toMatchObject({ status: 'merged', mergedIntoVersion: 2 });

    // Version 1 is no longer the latest: no amendments and no new threads on it; its threads stay readable.
    const stale = await propose(documentId, 'quangbinh.canbo', { baseVersion: 1, kind: 'delete', clauseId: 'c-5', justification: 'Lý do.' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'AMENDMENT_VERSION_STALE', details: { baseVersion: 1, latestVersion: 2 } });
    const staleThread = await openThread(documentId, 'quangbinh.canbo', { title: 'Điều 2 bản cũ', clauseId: 'c-2', versionNumber: 1, body: 'Ý kiến.' }).expect(409);
    expect(staleThread.body.code).toBe('DISCUSSION_VERSION_STALE');
    expect((await openThread(documentId, 'quangbinh.canbo', { title: 'Bản 3', versionNumber: 3, body: 'Ý kiến.' }).expect(404)).body.code).toBe('DOCUMENT_VERSION_NOT_FOUND');
    const old = await t.http().get(`/api/v1/threads/${early.body.id}`).set(as['quangbinh.canbo']).expect(200);
    expect(old.body).toMatchObject({ versionNumber: 1, clauseId: 'c-4', comments: [expect.objectContaining({ body: 'Quảng Trị đề xuất bỏ Điều 4.' })] });
    expect((await t.http().get(`/api/v1/documents/${documentId}/threads?version=1`).set(as.admin).expect(200)).body.items.map((item: Json) => item.id)).toEqual([early.body.id]);
    const onVersion2 = await openThread(documentId, 'quangbinh.canbo', { title: 'Điều 2 bản mới', clauseId: 'c-2', body: 'Đồng ý.' }).expect(201);
    expect(onVersion2.body.versionNumber).toBe(2);

    // Two accepted amendments on the same clause cannot both be merged: refused with a code, both stay accepted.
    const first = await propose(documentId, 'quangbinh.canbo', { baseVersion: 2, kind: 'replace', clauseId: 'c-5', text: 'Phương án của Quảng Bình.', justification: 'Lý do.' }).expect(201);
    const second = await propose(documentId, 'quangtri.canbo', { baseVersion: 2, kind: 'delete', clauseId: 'c-5', justification: 'Lý do.' }).expect(201);
    await decide(first.body.id, { decision: 'accepted' }).expect(200);
    await decide(second.body.id, { decision: 'accepted' }).expect(200);
    const conflict = await merge(documentId).expect(409);
    expect(conflict.body).toMatchObject({ code: 'AMENDMENT_CONFLICT', details: [{ a: first.body.id, b: second.body.id, clause: 'c-5' }] });
    // The amendments by their numbers and the clause by its number; the ids stay in details.
    expect(conflict.body.message).toBe(
      `Hai đề xuất sửa đổi đã được chấp thuận số ${first.body.number} và số ${second.body.number} cùng tác động đến Điều 5; không thể hợp nhất (xem details).`,
    );
    expect((await t.http().get(`/api/v1/documents/${documentId}/amendments?status=accepted`).set(as.admin).expect(200)).body.total).toBe(2);
  });

  it('numbers proposals racing from six units 1 to 6 and merges them in that order', async () => {
    const documentId = await createPact();
    const responses = await Promise.all(
      SLUGS.map((slug) => propose(documentId, `${slug}.canbo`, { baseVersion: 1, kind: 'insert', clauseId: 'c-1', text: `Cam kết riêng của ${slug}.`, justification: 'Bổ sung cam kết.' })),
    );
    expect(responses.map((response) => response.status)).toEqual(SLUGS.map(() => 201));
    const byNumber = [...responses].sort((a, b) => a.body.number - b.body.number);
    expect(byNumber.map((response) => response.body.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const response of responses) await decide(response.body.id, { decision: 'accepted' }).expect(200);
    const merged = (await merge(documentId).expect(200)).body;
    expect(merged.merged.map((amendment: Json) => amendment.number)).toEqual([1, 2, 3, 4, 5, 6]);
    // Inserts after the same clause land in the order proposed.
    expect(merged.version.content.clauses.map((clause: Json) => clause.id)).toEqual(['c-1', ...byNumber.map((response) => insertedClauseId(response.body.id)), 'c-2', 'c-3', 'c-4', 'c-5']);
    expect(merged.version.changelog.amendments.map((entry: Json) => entry.amendmentId)).toEqual(byNumber.map((response) => response.body.id));
  });

  it('answers unknown ids with 404 and documents the endpoints', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.http().get(`/api/v1/amendments/${missing}`).set(as.admin).expect(404)).body.code).toBe('AMENDMENT_NOT_FOUND');
    expect((await t.http().get(`/api/v1/comments/${missing}`).set(as.admin).expect(404)).body.code).toBe('DISCUSSION_COMMENT_NOT_FOUND');
    expect((await t.http().get(`/api/v1/documents/${missing}/threads`).set(as.admin).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await t.http().get(`/api/v1/documents/${missing}/amendments`).set(as.admin).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
    await t.http().get(`/api/v1/documents/${missing}/amendments`).expect(401);
    const { paths } = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/documents/{documentId}/threads',
      '/api/v1/threads/{id}',
      '/api/v1/threads/{id}/comments',
      '/api/v1/comments/{id}',
      '/api/v1/documents/{documentId}/amendments',
      '/api/v1/documents/{documentId}/amendments/merge',
      '/api/v1/amendments/{id}',
      '/api/v1/amendments/{id}/withdraw',
      '/api/v1/amendments/{id}/decision',
      '/api/v1/discussion-notices',
      '/api/v1/discussion-notices/{id}/read',
    ]) {
      expect(paths).toHaveProperty([path]);
    }
  });
});
