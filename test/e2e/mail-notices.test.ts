import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Clock } from '../../src/modules/calendar/clock';
import { MailMessage } from '../../src/modules/mail/entities/mail-message.entity';
import { MAIL_SEND_JOB } from '../../src/modules/mail/mail-jobs';
import { MailMessagesService } from '../../src/modules/mail/mail-messages.service';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { Notification } from '../../src/workflows/engine/entities/notification.entity';
import { MailExpander } from '../../src/workflows/mail/mail-expander.service';
import { CLUSTER_6_UNITS, clusterPactFixture, SECRET_PACT_WORKFLOW } from '../support/cluster-pact';
import { pactDraft2020 } from '../support/pact-draft';
import { signInWithForm } from '../support/page-session';
import { SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver';
import { bearerFor, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

type Auth = { Authorization: string };

/** Gives people e-mail addresses (the demo data has none) and answers their ids. */
async function withEmails(t: TestApp, addresses: Record<string, string>): Promise<Record<string, string>> {
  const em = t.app.get(MikroORM).em.fork();
  const ids: Record<string, string> = {};
  for (const [username, email] of Object.entries(addresses)) {
    const person = await em.findOneOrFail(Person, { username });
    person.email = email;
    ids[username] = person.id;
  }
  await em.flush();
  return ids;
}

async function launchCampaign(t: TestApp, admin: Auth, key: string, name: string): Promise<{ id: string }> {
  const clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
  const version = await publishedVersion(t, key, fourStageDocument());
  return (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name, year: 2020, clusterId }).expect(201)).body;
}

/** A notice for one person, as the engine writes them. */
async function notice(t: TestApp, personId: string, campaignId: string, message: { vi: string; en: string }): Promise<string> {
  const em = t.app.get(MikroORM).em.fork();
  const created = em.create(Notification, { dedupeKey: `mail-test-${Math.random()}`, person: personId, campaign: campaignId, kind: 'returned', message });
  await em.flush();
  return created.id;
}

const rowsOf = (t: TestApp, where: Record<string, unknown>) => t.app.get(MikroORM).em.fork().find(MailMessage, where, { orderBy: { createdAt: 'asc' } });

describe('e-mail notices through a real SMTP server: reminders, exactly once, digests, retries (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let admin: Auth;
  let mailQueue: Queue;
  let people: Record<string, string>;
  let campaignId: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await startTestApp({
      role: 'all',
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Thi đua <thidua@vks.example.vn>', MAIL_POLL_MS: '200', MAIL_RETRY_DELAY_MS: '100', MAIL_MAX_ATTEMPTS: '4', MAIL_DIGEST_HOUR: '7' },
    });
    admin = await bearerFor(t, 'admin');
    people = await withEmails(t, { 'hue.canbo': 'canbo@vks-hue.example.vn', 'nghean.canbo': 'canbo@vks-nghean.example.vn', 'hatinh.canbo': 'canbo@vks-hatinh.example.vn' });
    mailQueue = new Queue(QUEUES.mail, { prefix: t.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
  });
  afterAll(async () => {
    await mailQueue?.close();
    await t?.close();
    await smtp?.close();
  });

  it('sends an officer the reminder of a stage about to fall due, naming the campaign, stage and unit', async () => {
    const campaign = await launchCampaign(t, admin, 'mail-pact', 'Giao ước 2020 (thư)');
    campaignId = campaign.id;
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const review = (await t.http().get(`/api/v1/inbox?campaignId=${campaign.id}`).set(head).expect(200)).body.tasks[0];
    await t.http().post(`/api/v1/tasks/${review.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
    const timers = new Queue(QUEUES.workflowTimers, { prefix: t.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
    try {
      const ack = (await t.http().get(`/api/v1/campaigns/${campaign.id}`).set(admin).expect(200)).body.stages.find((s: { stageKey: string }) => s.stageKey === 'acknowledge');
      t.app.get(Clock).advance(31 * 60 * 1000);
      const reminder = await waitFor(async () => (await timers.getJob(`reminder-${ack.id}-0`)) ?? undefined, 'the reminder job to be relayed');
      await reminder.promote();
    } finally {
      await timers.close();
    }

    const mail = await waitFor(async () => smtp.received.find((m) => m.to.includes('canbo@vks-hue.example.vn')), 'the reminder mail to the Huế officer');
    expect(mail.from).toBe('thidua@vks.example.vn');
    expect(mail.subject).toBe('[Thi đua] Nhắc việc: Giao ước 2020 (thư)');
    expect(mail.text).toContain('Nhắc việc: "Các đơn vị xác nhận" (Giao ước 2020 (thư)) sắp đến hạn.');
    expect(mail.text).toMatch(/Đơn vị: .*Thừa Thiên Huế/);
    expect(mail.text).toMatch(/Hạn: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(mail.text).toContain('/inbox');
    // Every member unit was reminded; the officers of Nghệ An and Hà Tĩnh have addresses too, the others none.
    await waitFor(async () => (smtp.received.length >= 3 ? true : undefined), 'the three reminders');
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['canbo@vks-hatinh.example.vn', 'canbo@vks-hue.example.vn', 'canbo@vks-nghean.example.vn']);
    const skipped = await rowsOf(t, { status: 'skipped' });
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((row) => row.lastError === 'No e-mail address' || row.lastError === 'No one to write to')).toBe(true);

    // The administrators' log shows the message, sent by SMTP.
    const log = await waitFor(async () => {
      const body = (await t.http().get('/api/v1/mail?status=sent').set(admin).expect(200)).body;
      return body.items.some((item: { recipient: string }) => item.recipient === 'canbo@vks-hue.example.vn') ? body : undefined;
    }, 'the message recorded as sent');
    expect(log.transport).toBe('smtp');
    const entry = log.items.find((item: { recipient: string }) => item.recipient === 'canbo@vks-hue.example.vn');
    expect(entry).toMatchObject({ kind: 'notice', status: 'sent', attempts: 1, transport: 'smtp', subject: mail.subject });
    expect((await t.http().get(`/api/v1/mail/${entry.id}`).set(admin).expect(200)).body.text).toContain('Các đơn vị xác nhận');
  });

  it('sends a message once when its job runs twice, one after the other or at the same time', async () => {
    const [row] = await rowsOf(t, { recipient: 'canbo@vks-hue.example.vn', status: 'sent' });
    const again = await mailQueue.add(MAIL_SEND_JOB, { messageId: row.id }, { jobId: `again-${row.id}` });
    await waitFor(async () => ((await again.getState()) === 'completed' ? true : undefined), 'the repeated job to finish');
    expect(smtp.received.filter((m) => m.messageId.includes(row.id))).toHaveLength(1);
    expect((await rowsOf(t, { id: row.id }))[0].attempts).toBe(1);

    // Two runs at once of a message nobody has sent yet: one sends, the other finds it taken.
    const em = t.app.get(MikroORM).em.fork();
    const fresh = em.create(MailMessage, { key: `test-${row.id}`, kind: 'notice', person: people['hue.canbo'], recipient: 'canbo@vks-hue.example.vn', language: 'vi', subject: 'Thư thử', text: 'Nội dung' });
    await em.flush();
    const messages = t.app.get(MailMessagesService);
    const outcomes = await Promise.all([messages.attempt(fresh.id, false), messages.attempt(fresh.id, false)]);
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    await waitFor(async () => ((await rowsOf(t, { id: fresh.id }))[0].status === 'sent' ? true : undefined), 'the message sent');
    expect(smtp.received.filter((m) => m.messageId.includes(fresh.id))).toHaveLength(1);
  });

  it('retries when the SMTP server refuses, and loses nothing', async () => {
    smtp.refuseNext(2);
    await notice(t, people['hatinh.canbo'], campaignId, { vi: 'Dự thảo báo cáo bị trả lại để bổ sung.', en: 'The draft report was returned.' });
    const mail = await waitFor(async () => smtp.received.find((m) => m.text.includes('Dự thảo báo cáo bị trả lại')), 'the mail after two refusals');
    expect(mail.to).toEqual(['canbo@vks-hatinh.example.vn']);
    expect(mail.subject).toBe('[Thi đua] Bị trả lại: Giao ước 2020 (thư)');
    // The server has the message a moment before the worker records it as sent.
    const row = await waitFor(async () => (await rowsOf(t, { recipient: 'canbo@vks-hatinh.example.vn', subject: mail.subject, status: 'sent' }))[0], 'the message recorded as sent');
    expect(row).toMatchObject({ attempts: 3, lastError: null });

    // A server that keeps refusing: marked failed after the last of 4 attempts, with the server's answer.
    smtp.refuseNext(4);
    const lost = await notice(t, people['hatinh.canbo'], campaignId, { vi: 'Thông báo không gửi được.', en: 'A notice that cannot be sent.' });
    const failed = await waitFor(async () => (await rowsOf(t, { noticeId: lost, status: 'failed' }))[0], 'the message marked failed');
    expect(failed.attempts).toBe(4);
    expect(failed.lastError).toMatch(/451/);
    expect(smtp.received.filter((m) => m.text.includes('Thông báo không gửi được.'))).toEqual([]);
  });

  it('tells each member unit that its vote is awaited, then the result', async () => {
    const pact = await clusterPactFixture(t);
    const { admin: adminAuth, head, clusterId } = pact;
    const created = await t.http().post('/api/v1/workflow-definitions').set(adminAuth).send({ key: 'mail-vote-pact', name: 'Giao ước (thư)', document: SECRET_PACT_WORKFLOW }).expect(201);
    const versionId = (await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(adminAuth).expect(201)).body.version.id;
    const id = (await t.http().post('/api/v1/campaigns').set(adminAuth).send({ workflowVersionId: versionId, name: 'Giao ước biểu quyết 2020', year: 2020, clusterId }).expect(201)).body.id;
    const ownTask = async (auth: Auth, stageKey: string): Promise<string> =>
      (await t.http().get(`/api/v1/inbox?campaignId=${id}`).set(auth).expect(200)).body.tasks.find((task: { stageKey: string }) => task.stageKey === stageKey).id;
    await t.http().post(`/api/v1/tasks/${await ownTask(head, 'draft')}/form/submit`).set(head).send({ data: pactDraft2020() }).expect(200);
    await t.http().post(`/api/v1/tasks/${await ownTask(head, 'discussion')}/commands`).set(head).send({ command: 'close' }).expect(200);

    const awaited = await waitFor(async () => smtp.received.find((m) => m.to.includes('canbo@vks-hue.example.vn') && m.subject.startsWith('[Thi đua] Đang chờ phiếu biểu quyết: Giao ước biểu quyết 2020')), 'the vote awaited mail');
    expect(awaited.subject).toBe('[Thi đua] Đang chờ phiếu biểu quyết: Giao ước biểu quyết 2020');
    expect(awaited.text).toMatch(/Đơn vị: .*Thừa Thiên Huế/);
    expect(awaited.text).toContain('Đang chờ phiếu biểu quyết của đơn vị: "adoption" (Giao ước biểu quyết 2020).');

    // Every unit votes through its task: the last ballot closes the poll.
    for (const [slug] of CLUSTER_6_UNITS) {
      const officer = await bearerFor(t, `${slug}.canbo`);
      const task = await ownTask(officer, 'adoption');
      await t.http().post(`/api/v1/tasks/${task}/ballot`).set(officer).send({ choice: 'agree' }).expect(200);
    }
    const result = await waitFor(async () => smtp.received.find((m) => m.to.includes('canbo@vks-hue.example.vn') && m.subject.startsWith('[Thi đua] Kết quả biểu quyết: Giao ước biểu quyết 2020')), 'the result mail');
    expect(result.text).toContain('Kết quả biểu quyết "adoption" (Giao ước biểu quyết 2020): được thông qua (6/6 đơn vị đã bỏ phiếu).');
    // One of each per unit with an address, however many ticks ran.
    const about = smtp.received.filter((m) => /biểu quyết: Giao ước biểu quyết 2020$/.test(m.subject) && m.to.includes('canbo@vks-hue.example.vn'));
    expect(about.map((m) => m.subject).sort()).toEqual(['[Thi đua] Kết quả biểu quyết: Giao ước biểu quyết 2020', '[Thi đua] Đang chờ phiếu biểu quyết: Giao ước biểu quyết 2020']);
  });

  it('gathers the notices of a person who chose the daily digest into one message at the digest hour, in English', async () => {
    const nghean = await bearerFor(t, 'nghean.canbo');
    expect((await t.http().get('/api/v1/me/mail-preference').set(nghean).expect(200)).body).toEqual({ delivery: 'immediate', language: 'vi', email: 'canbo@vks-nghean.example.vn' });
    expect((await t.http().put('/api/v1/me/mail-preference').set(nghean).send({ delivery: 'weekly' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().put('/api/v1/me/mail-preference').set(nghean).send({ delivery: 'digest', language: 'en' }).expect(200)).body).toMatchObject({ delivery: 'digest', language: 'en' });

    // 05:00 in Vietnam: before the digest hour, the notices wait.
    const clock = t.app.get(Clock);
    clock.set(new Date('2030-03-10T22:00:00Z'));
    const before = smtp.received.length;
    const first = await notice(t, people['nghean.canbo'], campaignId, { vi: 'Thông báo một', en: 'First notice' });
    const second = await notice(t, people['nghean.canbo'], campaignId, { vi: 'Thông báo hai', en: 'Second notice' });
    const held = await waitFor(async () => {
      const rows = await rowsOf(t, { noticeId: { $in: [first, second] } });
      return rows.length === 2 && rows.every((row) => row.status === 'held') ? rows : undefined;
    }, 'both notices held for the digest');
    expect(held.map((row) => row.text).sort()).toEqual(['First notice', 'Second notice']);
    // Another tick makes no digest before the hour, and nothing goes to Nghệ An.
    expect((await t.app.get(MailExpander).tick()).digests).toBe(0);
    expect(smtp.received.slice(before).filter((m) => m.to.includes('canbo@vks-nghean.example.vn'))).toEqual([]);

    // 07:30: one digest with both.
    clock.set(new Date('2030-03-11T00:30:00Z'));
    const digest = await waitFor(async () => smtp.received.slice(before).find((m) => m.to.includes('canbo@vks-nghean.example.vn')), 'the digest');
    expect(digest.subject).toBe('[Thi đua] Daily digest of 11/03/2030 (2)');
    expect(digest.text).toContain('2 new notices:');
    expect(digest.text).toContain('First notice');
    expect(digest.text).toContain('Second notice');
    expect(digest.text.startsWith('Dear ')).toBe(true);
    const after = await rowsOf(t, { noticeId: { $in: [first, second] } });
    expect(after.map((row) => row.status)).toEqual(['digested', 'digested']);
    // One digest a day: the next ticks send nothing more.
    await waitFor(async () => ((await rowsOf(t, { kind: 'digest' }))[0]?.status === 'sent' ? true : undefined), 'the digest marked sent');
    expect(smtp.received.filter((m) => m.to.includes('canbo@vks-nghean.example.vn') && m.subject.includes('digest'))).toHaveLength(1);
  });

  it('refuses unknown messages and people other than administrators', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.http().get(`/api/v1/mail/${missing}`).set(admin).expect(404)).body.code).toBe('MAIL_MESSAGE_NOT_FOUND');
    expect((await t.http().get(`/api/v1/mail/${missing}?lang=en`).set(admin).expect(404)).body.message).toBe(`Mail message ${missing} not found.`);
    expect((await t.http().get('/api/v1/mail?status=lost').set(admin).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await t.http().get('/api/v1/mail').set(await bearerFor(t, 'hue.canbo')).expect(403);
  });
});

describe('e-mail notices without an SMTP server: the local mail folder (e2e)', () => {
  let t: TestApp;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'thidua-mail-'));
    t = await startTestApp({ role: 'all', env: { MAIL_DIR: folder, MAIL_POLL_MS: '200' } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes the message as an .eml file that administrators can read', async () => {
    const admin = await bearerFor(t, 'admin');
    const { 'quangtri.canbo': personId } = await withEmails(t, { 'quangtri.canbo': 'canbo@vks-quangtri.example.vn' });
    const campaign = await launchCampaign(t, admin, 'mail-folder-pact', 'Giao ước 2020 (thư mục)');
    await notice(t, personId, campaign.id, { vi: 'Có ý kiến mới trong thảo luận dự thảo.', en: 'A new comment in the discussion.' });

    const log = await waitFor(async () => {
      const body = (await t.http().get('/api/v1/mail?status=sent').set(admin).expect(200)).body;
      return body.items.length ? body : undefined;
    }, 'the message written to the folder');
    expect(log.transport).toBe('folder');
    const [entry] = log.items;
    expect(entry).toMatchObject({ recipient: 'canbo@vks-quangtri.example.vn', transport: 'folder', fileName: `${entry.id}.eml`, subject: '[Thi đua] Bị trả lại: Giao ước 2020 (thư mục)' });
    expect(existsSync(join(folder, entry.fileName))).toBe(true);
    const file = readFileSync(join(folder, entry.fileName), 'utf8');
    expect(file).toContain('To: canbo@vks-quangtri.example.vn');
    const eml = await t.http().get(`/api/v1/mail/${entry.id}/eml`).set(admin).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(eml.headers['content-type']).toMatch(/^message\/rfc822/);
    expect((eml.body as Buffer).toString('utf8')).toBe(file);
    expect((await t.http().get(`/api/v1/mail/${entry.id}`).set(admin).expect(200)).body.text).toContain('Có ý kiến mới trong thảo luận dự thảo.');

    // The administrators' page lists it with its file and shows its text; an officer is refused.
    const session = await signInWithForm(t, 'admin');
    const page = (await t.http().get('/admin/mail').set('Cookie', session.cookie).expect(200)).text;
    expect(page).toContain(`thư mục ${folder}`);
    expect(page).toContain(`<a href="/admin/mail/${entry.id}">[Thi đua] Bị trả lại: Giao ước 2020 (thư mục)</a>`);
    expect(page).toContain(`<code>${entry.fileName}</code>`);
    expect((await t.http().get(`/admin/mail/${entry.id}?lang=en`).set('Cookie', session.cookie).expect(200)).text).toContain('Có ý kiến mới trong thảo luận dự thảo.');
    const officer = await signInWithForm(t, 'quangtri.canbo');
    await t.http().get('/admin/mail').set('Cookie', officer.cookie).expect(403);

    // The officer's own page: the address, and the choice saved by the form.
    expect((await t.http().get('/account/mail').set('Cookie', officer.cookie).expect(200)).text).toContain('canbo@vks-quangtri.example.vn');
    const saved = await t.http().post('/account/mail').set('Cookie', officer.cookie).type('form').send({ _csrf: officer.csrfToken, delivery: 'none', language: 'en' });
    expect([saved.status, saved.headers.location]).toEqual([303, '/account/mail?flash=saved']);
    expect((await t.http().get('/api/v1/me/mail-preference').set(await bearerFor(t, 'quangtri.canbo')).expect(200)).body).toMatchObject({ delivery: 'none', language: 'en' });
    const refused = await t.http().post('/account/mail').set('Cookie', officer.cookie).type('form').send({ _csrf: officer.csrfToken, delivery: 'weekly', language: 'en' });
    expect(refused.status).toBe(400);
    expect((await t.http().get('/api/v1/me/mail-preference').set(await bearerFor(t, 'quangtri.canbo')).expect(200)).body.delivery).toBe('none');
  });
});
