import { MikroORM } from '@mikro-orm/core';
import { Clock } from '../../src/modules/calendar/clock';
import { syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { FormSubmission } from '../../src/modules/forms/submissions/form-submission.entity';
import { FormSubmissionsService } from '../../src/modules/forms/submissions/form-submissions.service';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import type { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };
type Json = Record<string, unknown>;
const FORM = 'pact/title-registration';
const HOUR = 3600 * 1000;

/** One form stage for every member unit of the cluster, then the end. */
function formDocument(settings: Json, due?: { hours: number }): WorkflowDocument {
  return {
    name: { vi: 'Đăng ký danh hiệu thử nghiệm' },
    subject: 'cluster',
    start: 'register',
    stages: {
      register: { type: 'form', name: { vi: 'Các đơn vị đăng ký danh hiệu' }, fanOut: 'each-member', settings, ...(due ? { due } : {}), on: { submitted: 'done' } },
      done: { type: 'end' },
    },
  } as WorkflowDocument;
}

/** A complete title registration: a sector flag, so a justification is required. */
const validData = (): Json => ({
  unitName: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh',
  year: 2020,
  collectiveTitle: 'coThiDuaNganh',
  flagJustification: 'Đơn vị hoàn thành xuất sắc toàn diện các chỉ tiêu công tác năm 2020.',
  totalStaff: 40,
  laoDongTienTienCount: 30,
  chienSiThiDuaCoSoCount: 5,
  individualRegistrations: [],
  contactName: 'Nguyễn Văn A',
  contactEmail: 'vanphong@hatinh.vks.gov.vn',
});

describe('form stage: pinned form versions, drafts and server-validated submissions (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let hatinh: Auth;
  let nghean: Auth;
  let clusterId: string;
  const forms = () => new FormsService(t.app.get(MikroORM).em.fork());

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    await syncBuiltinForms(forms());
    admin = await bearerFor(t, 'admin');
    hatinh = await bearerFor(t, 'hatinh.canbo');
    nghean = await bearerFor(t, 'nghean.canbo');
    clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
  });
  afterAll(() => t?.close());

  /** Publishes the workflow through the API, so the form check of publishing runs. */
  const publishWorkflow = async (key: string, document: WorkflowDocument, status: number) => {
    const created = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key, name: key, document }).expect(201);
    return t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(admin).send().expect(status);
  };
  const launch = async (workflowVersionId: string) =>
    (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId, name: 'Đăng ký danh hiệu 2020', year: 2020, clusterId }).expect(201)).body as { id: string };
  const taskOf = async (auth: Auth, campaignId: string): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    expect(inbox.tasks).toHaveLength(1);
    return inbox.tasks[0].id;
  };
  const progress = async (campaignId: string) =>
    (await t.http().get(`/api/v1/campaigns/${campaignId}`).set(admin).expect(200)).body.stages.find((s: { stageKey: string }) => s.stageKey === 'register').progress.summary;

  it('takes the Hà Tĩnh title registration: server errors on the right field in Vietnamese or English, cleaned data, pinned versions', async () => {
    const published = await publishWorkflow('title-registration-e2e', formDocument({ form: FORM, completion: 'all' }), 201);
    const campaign = await launch(published.body.version.id);
    const task = await taskOf(hatinh, campaign.id);

    const form = (await t.http().get(`/api/v1/tasks/${task}/form`).set(hatinh).expect(200)).body;
    const v1: string = form.formVersionId;
    expect(form).toMatchObject({ formKey: FORM, formVersionNumber: 1, status: null, data: null, canSubmit: true });
    expect(form.schema.components.length).toBeGreaterThan(0);

    // A draft keeps partial data, but not malformed data.
    await t.http().put(`/api/v1/tasks/${task}/form/draft`).set(hatinh).send({ data: { unitName: 'VKSND tỉnh Hà Tĩnh' } }).expect(200);
    const badDraft = await t.http().put(`/api/v1/tasks/${task}/form/draft`).set(hatinh).send({ data: { contactEmail: 'not-an-email' } }).expect(422);
    expect(badDraft.body.code).toBe('FORM_INVALID');
    expect(badDraft.body.details).toEqual([expect.objectContaining({ path: 'contactEmail', validator: 'email' })]);
    expect((await t.http().get(`/api/v1/tasks/${task}/form`).set(hatinh).expect(200)).body).toMatchObject({ status: 'draft', data: { unitName: 'VKSND tỉnh Hà Tĩnh' } });

    // A sector flag without its justification: refused on that field, in the request's language.
    const { flagJustification: _omitted, ...withoutJustification } = validData();
    const vi = await t.http().post(`/api/v1/tasks/${task}/form/submit`).set(hatinh).send({ data: withoutJustification }).expect(422);
    expect(vi.body.code).toBe('FORM_INVALID');
    expect(vi.body.details).toEqual([expect.objectContaining({ path: 'flagJustification', validator: 'required' })]);
    expect(vi.body.details[0].message).toMatch(/là bắt buộc/);
    const en = await t.http().post(`/api/v1/tasks/${task}/form/submit`).set(hatinh).set('Accept-Language', 'en').send({ data: withoutJustification }).expect(422);
    expect(en.body.details[0]).toMatchObject({ path: 'flagJustification', validator: 'required', message: expect.stringMatching(/is required/) });

    // A bare "submit" command cannot complete a form task without data.
    expect((await t.http().post(`/api/v1/tasks/${task}/commands`).set(hatinh).send({ command: 'submit' })).body.code).toBe('UNKNOWN_COMMAND');
    // Another unit's officer has no mandate for Hà Tĩnh.
    expect((await t.http().get(`/api/v1/tasks/${task}/form`).set(nghean).expect(403)).body.code).toBe('NOT_MANDATED');
    expect((await t.http().post(`/api/v1/tasks/${task}/form/submit`).set(nghean).send({ data: validData() }).expect(403)).body.code).toBe('NOT_MANDATED');

    // Fixed: accepted, the unknown key dropped from what is stored, the task done, 1/6.
    const submitted = await t.http().post(`/api/v1/tasks/${task}/form/submit`).set(hatinh).send({ data: { ...validData(), bogus: 'x' }, formVersionId: v1 }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: false, formVersionId: v1, canSubmit: false });
    expect(submitted.body.data).toMatchObject(validData());
    expect(submitted.body.data).not.toHaveProperty('bogus');
    // The answer is built from what the command committed, not read back: it must be what a read now shows.
    expect((await t.http().get(`/api/v1/tasks/${task}/form`).set(hatinh).expect(200)).body).toEqual(submitted.body);
    const stored = await t.app.get(MikroORM).em.fork().findOneOrFail(FormSubmission, { taskId: task }, { populate: ['unit'] });
    expect(stored).toMatchObject({ status: 'submitted', campaignId: campaign.id, late: false });
    expect(stored.data).not.toHaveProperty('bogus');
    expect(stored.unit?.code).toBeDefined();
    expect(stored.mandateId).toEqual(expect.any(String));
    expect((await t.http().get(`/api/v1/tasks/${task}`).set(hatinh).expect(200)).body).toMatchObject({ status: 'done', outcome: 'submitted' });
    expect(await progress(campaign.id)).toBe('1/6 xong');
    // No resubmission without allowResubmitUntilDue.
    expect((await t.http().post(`/api/v1/tasks/${task}/form/submit`).set(hatinh).send({ data: validData() }).expect(409)).body.code).toBe('TASK_CLOSED');
    // Nor a draft over it, even one that read the task before the submission committed: the submitted row stays.
    expect((await t.http().put(`/api/v1/tasks/${task}/form/draft`).set(hatinh).send({ data: { unitName: 'x' } }).expect(409)).body.code).toBe('TASK_CLOSED');
    const owner = { taskId: task, campaignId: campaign.id, personId: stored.person.id, unitId: stored.unit!.id, mandateId: stored.mandateId };
    await expect(t.app.get(FormSubmissionsService).saveDraft(t.app.get(MikroORM).em.fork(), owner, stored.formVersion, { unitName: 'x' })).rejects.toMatchObject({ code: 'TASK_CLOSED' });
    expect(await t.app.get(MikroORM).em.fork().findOneOrFail(FormSubmission, { taskId: task })).toMatchObject({ status: 'submitted', data: stored.data, updatedAt: stored.updatedAt });

    // A new version of the form: the running campaign keeps version 1, a new campaign pins version 2.
    const service = forms();
    const state = (await service.stateOf(FORM))!;
    const current = await service.get(state.id);
    await service.replaceBuiltInDraft(state.id, current.name, { ...(current.draft as Json), title: 'Đăng ký danh hiệu thi đua (sửa đổi)' });
    const v2 = (await service.publish(state.id, null)).version;
    expect(v2.number).toBe(2);
    const ngheanTask = await taskOf(nghean, campaign.id);
    expect((await t.http().get(`/api/v1/tasks/${ngheanTask}/form`).set(nghean).expect(200)).body.formVersionId).toBe(v1);
    const mismatch = await t.http().post(`/api/v1/tasks/${ngheanTask}/form/submit`).set(nghean).send({ data: validData(), formVersionId: v2.id }).expect(409);
    expect(mismatch.body.code).toBe('FORM_VERSION_MISMATCH');
    // By the form's name and version number, not the versions' ids.
    expect(mismatch.body.message).toMatch(/^Dữ liệu được điền theo một phiên bản khác của biểu mẫu “.+”, nhưng nhiệm vụ này dùng phiên bản 1; hãy tải lại biểu mẫu\.$/);
    expect(mismatch.body.message).not.toContain(v2.id);

    const later = await launch(published.body.version.id);
    const laterTask = await taskOf(hatinh, later.id);
    expect((await t.http().get(`/api/v1/tasks/${laterTask}/form`).set(hatinh).expect(200)).body).toMatchObject({ formVersionId: v2.id, formVersionNumber: 2 });
  });

  it('refuses to publish a workflow whose form stage names a form that was never published', async () => {
    const refused = await publishWorkflow('unknown-form-e2e', formDocument({ form: 'pact/no-such-form' }), 422);
    expect(refused.body.code).toBe('WORKFLOW_INVALID');
    expect(refused.body.details).toEqual([expect.objectContaining({ code: 'UNKNOWN_FORM', path: '$.stages.register.settings.form' })]);
    const badSettings = await publishWorkflow('bad-form-settings-e2e', formDocument({ form: 'Not A Key', acceptLate: 'no' }), 422);
    expect(badSettings.body.details.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['$.stages.register.settings.form', '$.stages.register.settings.acceptLate']),
    );
  });

  it('lets a unit resubmit until the due time, flags or refuses late submissions per setting', async () => {
    const strict = await publishWorkflow('form-strict-e2e', formDocument({ form: FORM, allowResubmitUntilDue: true, acceptLate: false }, { hours: 1 }), 201);
    const lenient = await publishWorkflow('form-lenient-e2e', formDocument({ form: FORM }, { hours: 1 }), 201);
    const strictCampaign = await launch(strict.body.version.id);
    const lenientCampaign = await launch(lenient.body.version.id);
    const strictTask = await taskOf(hatinh, strictCampaign.id);
    await t.http().post(`/api/v1/tasks/${strictTask}/form/submit`).set(hatinh).send({ data: validData() }).expect(200);
    const again = await t.http().post(`/api/v1/tasks/${strictTask}/form/submit`).set(hatinh).send({ data: { ...validData(), totalStaff: 41 } }).expect(200);
    expect(again.body).toMatchObject({ status: 'submitted', data: { totalStaff: 41 }, canSubmit: true });
    expect((await t.http().get(`/api/v1/tasks/${strictTask}/form`).set(hatinh).expect(200)).body).toEqual(again.body);

    t.app.get(Clock).advance(2 * HOUR);
    expect((await t.http().post(`/api/v1/tasks/${strictTask}/form/submit`).set(hatinh).send({ data: validData() }).expect(409)).body.code).toBe('TASK_CLOSED');
    const strictNghean = await taskOf(nghean, strictCampaign.id);
    expect((await t.http().post(`/api/v1/tasks/${strictNghean}/form/submit`).set(nghean).send({ data: validData() }).expect(409)).body.code).toBe('FORM_LATE_REFUSED');

    const lenientTask = await taskOf(hatinh, lenientCampaign.id);
    const late = await t.http().post(`/api/v1/tasks/${lenientTask}/form/submit`).set(hatinh).send({ data: validData() }).expect(200);
    expect(late.body).toMatchObject({ status: 'submitted', late: true });
    expect((await t.http().get(`/api/v1/tasks/${lenientTask}`).set(hatinh).expect(200)).body).toMatchObject({ status: 'done', late: true });
    expect(await progress(lenientCampaign.id)).toBe('1/6 xong, 1 trễ hạn');
  });

  it('with review, the cluster head accepts or returns each submission; only accepted ones complete the stage', async () => {
    const bad = await publishWorkflow('form-review-bad-e2e', formDocument({ form: FORM, review: { by: ['nobody'] } }), 422);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: '$.stages.register.settings.review' })]));
    const reviewed = await publishWorkflow('form-review-e2e', formDocument({ form: FORM, review: { by: ['cluster-head'] } }), 201);
    const campaign = await launch(reviewed.body.version.id);
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const task = await taskOf(hatinh, campaign.id);

    // Nothing submitted yet: the head can look, there is nothing to decide.
    expect((await t.http().get(`/api/v1/tasks/${task}/form/review`).set(head).expect(200)).body).toMatchObject({ review: 'not-submitted', unitCode: 'VKS-HTI' });
    expect((await t.http().post(`/api/v1/tasks/${task}/form/review`).set(head).send({ decision: 'accept' }).expect(409)).body.code).toBe('TASK_NOT_AWAITING_REVIEW');

    await t.http().post(`/api/v1/tasks/${task}/form/submit`).set(hatinh).send({ data: validData() }).expect(200);
    expect(await progress(campaign.id)).toBe('0/6 xong, 1 chờ duyệt');
    expect((await t.http().get(`/api/v1/tasks/${task}/form/review`).set(nghean).expect(403)).body.code).toBe('NOT_REVIEWER');
    expect((await t.http().post(`/api/v1/tasks/${task}/form/review`).set(hatinh).send({ decision: 'accept' }).expect(403)).body.code).toBe('NOT_REVIEWER');
    expect((await t.http().get(`/api/v1/tasks/${task}/form/review`).set(head).expect(200)).body).toMatchObject({ review: 'awaiting-review', status: 'submitted', data: { totalStaff: 40 } });

    // Returned with a reason: the task reopens, the data stays as a draft, the unit is told why.
    expect((await t.http().post(`/api/v1/tasks/${task}/form/review`).set(head).send({ decision: 'return', comment: '  ' }).expect(422)).body.code).toBe('COMMENT_REQUIRED');
    const returned = await t.http().post(`/api/v1/tasks/${task}/form/review`).set(head).send({ decision: 'return', comment: 'Bổ sung số liệu quân số năm 2020.' }).expect(200);
    expect(returned.body).toMatchObject({ review: 'returned', reviewComment: 'Bổ sung số liệu quân số năm 2020.', status: 'draft' });
    expect((await t.http().get(`/api/v1/tasks/${task}/form`).set(hatinh).expect(200)).body).toMatchObject({ status: 'draft', canSubmit: true, data: { totalStaff: 40 } });
    expect((await t.http().get(`/api/v1/tasks/${task}`).set(hatinh).expect(200)).body).toMatchObject({ status: 'open', comment: 'Bổ sung số liệu quân số năm 2020.' });
    const notices = (await t.http().get('/api/v1/notifications').set(hatinh).expect(200)).body;
    expect(notices).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'returned' })]));

    // Every unit submits and the head accepts each; the last acceptance completes the stage and the campaign.
    const units = ['thanhhoa', 'nghean', 'hatinh', 'quangbinh', 'quangtri', 'hue'];
    for (const [index, slug] of units.entries()) {
      const officer = slug === 'hatinh' ? hatinh : slug === 'nghean' ? nghean : await bearerFor(t, `${slug}.canbo`);
      const unitTask = await taskOf(officer, campaign.id);
      await t.http().post(`/api/v1/tasks/${unitTask}/form/submit`).set(officer).send({ data: validData() }).expect(200);
      expect((await t.http().post(`/api/v1/tasks/${unitTask}/form/review`).set(head).send({ decision: 'accept' }).expect(200)).body.review).toBe('accepted');
      if (index === units.length - 1) break;
      expect((await t.http().post(`/api/v1/tasks/${unitTask}/form/review`).set(head).send({ decision: 'accept' }).expect(409)).body.code).toBe('TASK_NOT_AWAITING_REVIEW');
      expect(await progress(campaign.id)).toBe(`${index + 1}/6 xong`);
    }
    expect((await t.http().get(`/api/v1/campaigns/${campaign.id}`).set(admin).expect(200)).body.status).toBe('completed');
    const history = (await t.http().get(`/api/v1/campaigns/${campaign.id}/history`).set(admin).expect(200)).body;
    const events = (Array.isArray(history) ? history : history.items).map((e: { type: string }) => e.type);
    expect(events.filter((type: string) => type === 'task.reviewed')).toHaveLength(7);
    expect(events).toContain('campaign.completed');
  });

  it('stores one submission for 100 concurrent submits of one task, with one Idempotency-Key or without any', async () => {
    const published = await publishWorkflow('form-concurrent-e2e', formDocument({ form: FORM }), 201);
    const campaign = await launch(published.body.version.id);
    const submissionsOf = (taskId: string) => t.app.get(MikroORM).em.fork().count(FormSubmission, { taskId, status: 'submitted' });

    // One key: the one that ran, its byte-identical replays, or 409 while it runs.
    const task = await taskOf(hatinh, campaign.id);
    const keyed = await Promise.all(
      Array.from({ length: 100 }, () => t.http().post(`/api/v1/tasks/${task}/form/submit`).set(hatinh).set('Idempotency-Key', `submit-${task}`).send({ data: validData() })),
    );
    const waiting = keyed.filter((r) => r.status !== 200);
    expect(waiting.map((r) => [r.status, r.body.code])).toEqual(waiting.map(() => [409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS']));
    const answered = keyed.filter((r) => r.status === 200);
    expect(answered.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(answered.map((r) => r.text)).size).toBe(1);
    expect(await submissionsOf(task)).toBe(1);

    // No key: one submit wins, the others find the task closed; never a 5xx, never a second submission.
    const ngheanTask = await taskOf(nghean, campaign.id);
    const plain = await Promise.all(
      Array.from({ length: 100 }, () => t.http().post(`/api/v1/tasks/${ngheanTask}/form/submit`).set(nghean).send({ data: { ...validData(), unitName: 'Viện kiểm sát nhân dân tỉnh Nghệ An' } })),
    );
    expect(plain.filter((r) => r.status === 200)).toHaveLength(1);
    expect(plain.filter((r) => r.status !== 200).map((r) => r.status).every((status) => status === 409)).toBe(true);
    expect(await submissionsOf(ngheanTask)).toBe(1);
    expect(await progress(campaign.id)).toBe('2/6 xong');
  });
});
