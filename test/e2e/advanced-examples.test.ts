import { binaryBody } from '../support/binary-body';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n% xác nhận của chính quyền địa phương\n%%EOF\n');

/**
 * Advanced examples and good deeds in Cluster No. 6 (2020): Nghệ An nominates, Thanh Hóa (the cluster head) reviews,
 * and an accepted nomination is published to every unit and stands on the person's and the unit's records.
 */
describe('advanced examples and good deeds (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let nghean: { Authorization: string };
  let thanhhoa: { Authorization: string };
  let hatinh: { Authorization: string };
  let ngheanId: string;
  let staff: { id: string; name: string };

  const nominate = (body: Record<string, unknown>, as = nghean) =>
    t.http().post('/api/v1/advanced-examples').set(as).send({ kind: 'good-deed', unitId: ngheanId, year: 2020, account: 'Cứu hai cháu nhỏ bị đuối nước ở sông Lam ngày 12/7/2020.', ...body });
  const review = (id: string, body: Record<string, unknown>, as = thanhhoa) => t.http().post(`/api/v1/advanced-examples/${id}/review`).set(as).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    [nghean, thanhhoa, hatinh] = await Promise.all([bearerFor(t, 'nghean.canbo'), bearerFor(t, 'thanhhoa.canbo'), bearerFor(t, 'hatinh.canbo')]);
    ngheanId = (await t.http().get('/api/v1/units').query({ q: 'VKS-NAN' }).set(admin).expect(200)).body.items[0].id;
    const candidates = (await t.http().get('/api/v1/eligibility').query({ unitId: ngheanId, year: 2020, title: 'LDTT' }).set(nghean).expect(200)).body.candidates;
    staff = { id: candidates[0].id, name: candidates[0].name };
  });
  afterAll(() => t.close());

  it('publishes a good deed the cluster head accepts, and puts it on the person’s and the unit’s records', async () => {
    const created = (await nominate({ personId: staff.id, title: 'Cứu người đuối nước' }).expect(201)).body;
    expect(created).toMatchObject({ kind: 'good-deed', status: 'submitted', person: { fullName: staff.name }, unit: { code: 'VKS-NAN' }, review: null });
    const attached = (await t.http().post(`/api/v1/advanced-examples/${created.id}/attachments`).set(nghean).attach('file', PDF, 'Xác nhận.pdf').expect(200)).body;
    expect(attached.attachments).toEqual([expect.objectContaining({ name: 'Xác nhận.pdf', mediaType: 'application/pdf' })]);

    // Another member unit sees nothing yet, and may not review.
    expect((await t.http().get('/api/v1/advanced-examples').set(hatinh).expect(200)).body).toEqual([]);
    expect((await t.http().get(`/api/v1/advanced-examples/${created.id}`).set(hatinh).expect(403)).body.code).toBe('EXAMPLE_FORBIDDEN');
    const foreign = await review(created.id, { decision: 'accept' }, hatinh).expect(403);
    expect(foreign.body).toMatchObject({ code: 'EXAMPLE_REVIEW_FORBIDDEN', message: 'Chỉ cán bộ của đơn vị cụm trưởng năm 2020 (cụm có Viện kiểm sát nhân dân tỉnh Nghệ An) và quản trị viên mới xét duyệt đề cử này.' });

    // The cluster head sees it awaiting review.
    expect((await t.http().get('/api/v1/advanced-examples').query({ status: 'submitted' }).set(thanhhoa).expect(200)).body.map((e: { title: string }) => e.title)).toEqual(['Cứu người đuối nước']);
    const blank = await review(created.id, { decision: 'decline', note: '  ' }).expect(422);
    expect(blank.body).toMatchObject({ code: 'EXAMPLE_DECLINE_REASON_REQUIRED', details: { path: 'note' } });
    const headOfficer = (await t.http().get('/api/v1/people').query({ q: 'thanhhoa.canbo' }).set(admin).expect(200)).body.items[0].fullName as string;
    const accepted = (await review(created.id, { decision: 'accept', note: 'Hành động dũng cảm, cần nêu gương.' }).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'accepted', review: { reviewedBy: headOfficer, note: 'Hành động dũng cảm, cần nêu gương.' } });
    // Sent again, the same review answers what was recorded; another is refused.
    await review(created.id, { decision: 'accept', note: 'Hành động dũng cảm, cần nêu gương.' }).expect(200);
    const changed = await review(created.id, { decision: 'decline', note: 'Đổi ý' }).expect(409);
    expect(changed.body).toMatchObject({ code: 'EXAMPLE_ALREADY_REVIEWED', message: 'Đề cử "Cứu người đuối nước" đã được xét duyệt: đã chấp nhận.' });
    expect((await t.http().post(`/api/v1/advanced-examples/${created.id}/attachments`).set(nghean).attach('file', PDF, 'Bổ sung.pdf').expect(409)).body.code).toBe('EXAMPLE_NOT_EDITABLE');

    // Published: every unit reads it and its evidence.
    const published = (await t.http().get('/api/v1/advanced-examples').query({ status: 'accepted' }).set(hatinh).expect(200)).body;
    expect(published.map((e: { title: string }) => e.title)).toEqual(['Cứu người đuối nước']);
    const file = await t.http().get(`/api/v1/advanced-examples/${created.id}/attachments/${attached.attachments[0].fileId}`).set(hatinh).buffer(true).parse(binaryBody).expect(200);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);

    const person = (await t.http().get(`/api/v1/people/${staff.id}/commendation-record`).set(admin).expect(200)).body;
    expect(person.examples).toEqual([{ id: created.id, kind: 'good-deed', title: 'Cứu người đuối nước', year: 2020, person: staff.name }]);
    const unit = (await t.http().get(`/api/v1/units/${ngheanId}/commendation-record`).set(nghean).expect(200)).body;
    expect(unit.examples.map((e: { title: string }) => e.title)).toEqual(['Cứu người đuối nước']);
  });

  it('keeps a declined nomination off the records, with the reason for its unit', async () => {
    const created = (await nominate({ kind: 'advanced-example', title: 'Tập thể điển hình trong công tác kiểm sát điều tra' }).expect(201)).body;
    expect(created.person).toBeNull();
    const declined = (await review(created.id, { decision: 'decline', note: 'Chưa đủ minh chứng về kết quả.' }).expect(200)).body;
    expect(declined).toMatchObject({ status: 'declined', review: { note: 'Chưa đủ minh chứng về kết quả.' } });
    const mine = (await t.http().get('/api/v1/advanced-examples').query({ status: 'declined' }).set(nghean).expect(200)).body;
    expect(mine.map((e: { title: string; review: { note: string } }) => `${e.title}: ${e.review.note}`)).toEqual(['Tập thể điển hình trong công tác kiểm sát điều tra: Chưa đủ minh chứng về kết quả.']);
    expect((await t.http().get('/api/v1/advanced-examples').query({ status: 'declined' }).set(hatinh).expect(200)).body).toEqual([]);
    const unit = (await t.http().get(`/api/v1/units/${ngheanId}/commendation-record`).set(nghean).expect(200)).body;
    expect(unit.examples.map((e: { title: string }) => e.title)).toEqual(['Cứu người đuối nước']);
  });

  it('refuses people outside the unit, other units’ officers and unknown nominations', async () => {
    const outsider = (await t.http().get('/api/v1/people').query({ q: 'thanhhoa.vientruong' }).set(admin).expect(200)).body.items[0];
    const refused = await nominate({ personId: outsider.id, title: 'Không thuộc đơn vị' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'CANDIDATE_NOT_IN_UNIT', details: { path: 'personId' } });
    expect((await nominate({ title: 'Đề cử hộ đơn vị khác' }, hatinh).expect(403)).body.code).toBe('EXAMPLE_FORBIDDEN');
    expect((await nominate({ title: 'Loại lạ', kind: 'hero' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().get('/api/v1/advanced-examples/00000000-0000-4000-8000-000000000000').set(admin).expect(404)).body.code).toBe('EXAMPLE_NOT_FOUND');
    await t.http().get('/api/v1/advanced-examples').expect(401);
  });
});
