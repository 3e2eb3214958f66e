import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

describe('poll pages: ballot, meeting ballots recorded by a secretary, confirm and dispute (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let pages: ReturnType<typeof pageSessions>;
  const officers = new Map<string, Auth>();

  beforeAll(async () => {
    t = await startTestApp();
    pact = await clusterPactFixture(t);
    pages = pageSessions(t);
    for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
  });
  afterAll(() => t?.close());

  /** The adoption poll of a campaign whose discussion the head has just closed. */
  const adoptionPoll = async (name: string): Promise<string> => {
    const { campaignId } = await pact.launchToDiscussion(name);
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(pact.head).expect(200)).body;
    await t.http().post(`/api/v1/tasks/${inbox.tasks[0].id}/commands`).set(pact.head).send({ command: 'close' }).expect(200);
    const { polls } = (await t.http().get(`/api/v1/campaigns/${campaignId}/deliberation`).set(pact.admin).expect(200)).body;
    return Object.values(polls)[0] as string;
  };

  it('shows the rule in words and progress; a ballot from the page is counted for the unit; a second one replaces it', async () => {
    const poll = await adoptionPoll('Giao ước 2020 – trang biểu quyết');
    const before = await pages.page('hatinh.canbo', `/polls/${poll}`);
    expect(before).toContain('Thông qua khi số đồng ý lớn hơn 1/2 tổng số thành viên');
    expect(before).toContain('0/6 đơn vị đã bỏ phiếu');
    expect(before).toContain('value="VKS-HTI"');
    // The unit voted for is named, not only coded.
    expect(before).toContain('Bỏ phiếu thay mặt đơn vị: <strong>VKS-HTI — Viện kiểm sát nhân dân tỉnh Hà Tĩnh</strong>');
    await pages.post('hatinh.canbo', `/polls/${poll}/ballot`, { unit: 'VKS-HTI', choice: 'disagree' }, 303);
    const changed = await pages.post('hatinh.canbo', `/polls/${poll}/ballot`, { unit: 'VKS-HTI', choice: 'agree' }, 303);
    const after = await pages.page('hatinh.canbo', changed.headers.location);
    expect(after).toMatch(/Đã ghi nhận phiếu của VKS-HTI — Viện kiểm sát nhân dân tỉnh Hà Tĩnh\. Mã biên nhận: [0-9a-f]{16}\./);
    expect(after).toContain('1/6 đơn vị đã bỏ phiếu');
    expect(after).toContain('đã bỏ phiếu: Đồng ý');
    // Another unit's ballot cannot be cast by Hà Tĩnh's officer: the page says why.
    const refused = await pages.post('hatinh.canbo', `/polls/${poll}/ballot`, { unit: 'VKS-NAN', choice: 'agree' }, 403);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('Bạn không có ủy quyền hợp lệ để hành động thay mặt đơn vị Viện kiểm sát nhân dân tỉnh Nghệ An.');
  });

  it('a secretary records the meeting ballots with the minutes; one unit confirms, another disputes, and the dispute is listed', async () => {
    const poll = await adoptionPoll('Giao ước 2020 – họp trực tiếp');
    // Officers see no meeting form; the administrator (a recorder) does.
    expect(await pages.page('quangbinh.canbo', `/polls/${poll}`)).not.toContain('id="offline-heading"');
    expect(await pages.page('admin', `/polls/${poll}`)).toContain('id="offline-heading"');
    const incomplete = await pages.post('admin', `/polls/${poll}/offline`, { title: 'Biên bản họp cụm', heldAt: '2020-03-02T09:00', text: '', confirmWindowHours: '48' }, 400);
    expect(incomplete.text).toContain('Hãy ghi đủ tên, thời gian, nội dung biên bản và ít nhất một phiếu.');
    await pages.post(
      'admin',
      `/polls/${poll}/offline`,
      { title: 'Biên bản họp Cụm thi đua số 6', heldAt: '2020-03-02T09:00', text: 'Các đơn vị biểu quyết trực tiếp tại hội nghị.', confirmWindowHours: '48', 'ballot_VKS-QBI': 'agree', 'ballot_VKS-QTR': 'disagree' },
      303,
    );
    const qbi = await pages.page('quangbinh.canbo', `/polls/${poll}`);
    expect(qbi).toContain('chờ đơn vị xác nhận');
    expect(qbi).toContain('Phiếu của VKS-QBI — Viện kiểm sát nhân dân tỉnh Quảng Bình được ghi tại cuộc họp: Đồng ý');
    // A forged answer with neither button: the fields by their labels.
    const forged = await pages.post('quangbinh.canbo', `/polls/${poll}/offline/confirm`, { unit: 'VKS-QBI', comment: '' }, 400);
    expect(forged.text).toContain('Dữ liệu không hợp lệ: Xác nhận / Phản đối, Đơn vị.');
    await pages.post('quangbinh.canbo', `/polls/${poll}/offline/confirm`, { unit: 'VKS-QBI', decision: 'confirm', comment: '' }, 303);
    expect(await pages.page('quangbinh.canbo', `/polls/${poll}`)).toContain('đơn vị đã xác nhận');
    await pages.post('quangtri.canbo', `/polls/${poll}/offline/confirm`, { unit: 'VKS-QTR', decision: 'dispute', comment: 'Đơn vị biểu quyết đồng ý, biên bản ghi nhầm.' }, 303);
    const listed = await pages.page('admin', `/polls/${poll}`);
    expect(listed).toContain('id="disputed"');
    expect(listed).toContain('Đơn vị biểu quyết đồng ý, biên bản ghi nhầm.');
    expect((await t.http().get(`/api/v1/polls/${poll}`).set(pact.admin).expect(200)).body.progress.voted).toBe(2);
    // The recorded units' vote tasks are done; the others still have theirs.
    const { campaignId } = (await t.http().get(`/api/v1/polls/${poll}`).set(pact.admin).expect(200)).body;
    const open = async (code: string) =>
      (await t.http().get(`/api/v1/inbox?status=open&campaignId=${campaignId}`).set(officers.get(code)!).expect(200)).body.tasks.filter((task: { stageKey: string }) => task.stageKey === 'adoption');
    expect(await open('VKS-QBI')).toEqual([]);
    expect(await open('VKS-HTI')).toHaveLength(1);
  });

  it('a meeting where all six units vote closes the adoption vote at once, with its count', async () => {
    const { campaignId } = await pact.launchToDiscussion('Giao ước 2020 – thông qua tại hội nghị');
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(pact.head).expect(200)).body;
    await t.http().post(`/api/v1/tasks/${inbox.tasks[0].id}/commands`).set(pact.head).send({ command: 'close' }).expect(200);
    const { polls } = (await t.http().get(`/api/v1/campaigns/${campaignId}/deliberation`).set(pact.admin).expect(200)).body;
    const poll = Object.values(polls)[0] as string;
    const ballots = Object.fromEntries(CLUSTER_6_UNITS.map(([, code]) => [`ballot_${code}`, code === 'VKS-QTR' ? 'disagree' : 'agree']));
    await pages.post('admin', `/polls/${poll}/offline`, { title: 'Biên bản hội nghị ký kết giao ước', heldAt: '2020-02-14T08:00', text: 'Các đơn vị biểu quyết trực tiếp.', confirmWindowHours: '72', ...ballots }, 303);
    const campaign = (await t.http().get(`/api/v1/campaigns/${campaignId}`).set(pact.admin).expect(200)).body;
    expect(campaign.activeStages).toEqual(['registration']);
    expect(campaign.stages.find((stage: { stageKey: string }) => stage.stageKey === 'adoption').outcome).toBe('passed');
    const result = (await t.http().get(`/api/v1/polls/${poll}/result`).set(pact.admin).expect(200)).body;
    expect(result.explanation.vi).toBe('5/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 10 > 6 → thông qua');
  });
});
