import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { RulePackVersion } from '../../src/modules/commendations/entities/rule-pack-version.entity';
import { syncBuiltinRulePacks } from '../../src/modules/commendations/records/builtin-rule-packs-sync';
import { RulePackLibraryService } from '../../src/modules/commendations/records/rule-pack-library.service';
import { RulePacksService } from '../../src/modules/commendations/records/rule-packs.service';
import { builtinRulePacksDir, readBuiltinRulePackFiles } from '../../src/modules/commendations/rules/builtin-rule-packs';
import { RulePack } from '../../src/modules/commendations/rules/rule-pack';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { Auth } from '../support/cluster-pact';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/** A fresh copy of the built-in 2024 pack, to change. */
const pack2024 = (): RulePack => JSON.parse(readFileSync(join(builtinRulePacksDir(), 'rules-2024-procuracy.pack.json'), 'utf8')) as RulePack;

/** The 2024 pack as rules that took effect in 2026, with a cap the 2024 pack does not have. */
function pack2026(percent = 10): RulePack {
  return {
    ...pack2024(),
    key: 'rules-2026-test',
    name: { vi: 'Quy tắc khen thưởng thử nghiệm 2026', en: 'Trial commendation rules 2026' },
    effectiveFrom: '2026-01-01',
    caps: [{ id: 'cap.CSTDCS-of-LDTT', title: 'CSTDCS', base: { title: 'LDTT' }, percent, rounding: 'floor', source: 'Quy định thử nghiệm 2026' }],
  };
}

describe('rule packs: published as versioned data, the latest of each in force from its effective date (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let officer: Auth;
  let unitId: string;
  const library = () => t.app.get(RulePackLibraryService);
  const storedVersions = () => t.app.get(MikroORM).em.fork().count(RulePackVersion, {});
  const eligibilityPack = async (year: number): Promise<string> =>
    (await t.http().get(`/api/v1/eligibility?year=${year}&title=CSTDCS&unitId=${unitId}`).set(admin).expect(200)).body.pack.key;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'hatinh.canbo');
    unitId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Unit, { code: 'VKS-HTI' })).id;
  });
  afterAll(() => t?.close());

  it('publishes the built-in packs once (as setup does), then nothing, and lists them in effective order', async () => {
    const files = readBuiltinRulePackFiles();
    expect(files.map((file) => file.key).sort()).toEqual(['rules-2024-procuracy', 'rules-before-2024']);
    expect(await syncBuiltinRulePacks(library())).toEqual(files.map((file) => ({ key: file.key, action: 'create', version: 1 })));
    expect(await syncBuiltinRulePacks(library())).toEqual(files.map((file) => ({ key: file.key, action: 'unchanged', version: 1 })));
    expect(await storedVersions()).toBe(2);

    const list = (await t.http().get('/api/v1/rule-packs').set(admin).expect(200)).body.items;
    expect(list).toEqual([
      expect.objectContaining({ key: 'rules-before-2024', builtIn: true, latestVersion: 1, effectiveFrom: '2018-01-01' }),
      expect.objectContaining({ key: 'rules-2024-procuracy', builtIn: true, latestVersion: 1, effectiveFrom: '2024-01-01' }),
    ]);
    const versions = (await t.http().get('/api/v1/rule-packs/rules-2024-procuracy/versions').set(admin).expect(200)).body.items;
    expect(versions).toEqual([expect.objectContaining({ key: 'rules-2024-procuracy', number: 1, effectiveFrom: '2024-01-01', publishedBy: null })]);
  });

  it('refuses an invalid pack with every problem at its path, in Vietnamese (English on request), and stores nothing', async () => {
    const broken = { ...pack2026(), key: 'rules-broken' };
    // CSTD-NGANH names a title the pack lacks; LDTT now requires CSTDCS, which requires LDTT.
    (broken.titles[2].prerequisites[0] as { title: string }).title = 'CSTD-KHONG-CO';
    broken.titles[0].prerequisites.push({ kind: 'same-year-title', id: 'LDTT.needs-CSTDCS', title: 'CSTDCS', source: 'Thử nghiệm' });
    const before = await storedVersions();

    const refused = (await t.http().post('/api/v1/rule-packs/rules-broken/versions').set(admin).send({ document: broken }).expect(422)).body;
    expect(refused.code).toBe('RULE_PACK_INVALID');
    expect(refused.details).toEqual([
      { path: 'titles[2].prerequisites[0].title', code: 'UNKNOWN_TITLE', message: 'danh hiệu "CSTD-KHONG-CO" không có trong bộ quy tắc' },
      { path: 'titles[1].prerequisites[0]', code: 'TITLE_CYCLE', message: 'danh hiệu tự đòi hỏi chính nó: LDTT → CSTDCS → LDTT' },
    ]);
    const english = (await t.http().post('/api/v1/rule-packs/rules-broken/versions?lang=en').set(admin).send({ document: broken }).expect(422)).body;
    expect(english.details.map((problem: { message: string }) => problem.message)).toEqual(['title "CSTD-KHONG-CO" is not defined in the pack', 'a title requires itself: LDTT → CSTDCS → LDTT']);

    // A document whose key is not the one published under.
    const mismatch = (await t.http().post('/api/v1/rule-packs/rules-other/versions').set(admin).send({ document: pack2026() }).expect(422)).body;
    expect(mismatch.details).toEqual([expect.objectContaining({ path: 'key', code: 'KEY_MISMATCH' })]);

    expect(await storedVersions()).toBe(before);
    await t.http().get('/api/v1/rule-packs/rules-broken/versions').set(admin).expect(404);
    const keys = (await t.http().get('/api/v1/rule-packs').set(admin).expect(200)).body.items.map((item: { key: string }) => item.key);
    expect(keys).not.toContain('rules-broken');
  });

  it('refuses a second pack taking effect on the day another one does, naming both', async () => {
    const sameDay = { ...pack2026(), key: 'rules-2024-copy', effectiveFrom: '2024-01-01' };
    const refused = (await t.http().post('/api/v1/rule-packs/rules-2024-copy/versions').set(admin).send({ document: sameDay }).expect(422)).body;
    expect(refused.code).toBe('RULE_PACK_EFFECTIVE_DATE_TAKEN');
    expect(refused.message).toContain('"Quy tắc khen thưởng thử nghiệm 2026" áp dụng từ ngày 01/01/2024');
    expect(refused.message).toContain(`"${pack2024().name.vi}" (rules-2024-procuracy)`);
    await t.http().get('/api/v1/rule-packs/rules-2024-copy/versions').set(admin).expect(404);
  });

  it('puts a published pack in force for its years at once, here and (on reload) in another process', async () => {
    const other = await startTestApp({ shareWith: t });
    try {
      expect(await eligibilityPack(2026)).toBe('rules-2024-procuracy');

      const published = await t.http().post('/api/v1/rule-packs/rules-2026-test/versions').set(admin).send({ document: pack2026() }).expect(201);
      expect(published.body).toMatchObject({ created: true, version: { key: 'rules-2026-test', number: 1, effectiveFrom: '2026-01-01', publishedBy: 'admin', document: { key: 'rules-2026-test' } } });
      expect(await eligibilityPack(2026)).toBe('rules-2026-test');
      expect(await eligibilityPack(2025)).toBe('rules-2024-procuracy');
      expect(t.app.get(RulePacksService).forYear(2027).caps).toEqual([expect.objectContaining({ title: 'CSTDCS', percent: 10 })]);

      // The other app read its packs before the publication and serves them until they are a minute old.
      const otherPacks = other.app.get(RulePacksService);
      expect(otherPacks.forYear(2026).key).toBe('rules-2024-procuracy');
      otherPacks.reloadIfOlderThan(0);
      await waitFor(async () => (otherPacks.forYear(2026).key === 'rules-2026-test' ? true : undefined), 'the other app to read the new pack');
      expect(otherPacks.forYear(2025).key).toBe('rules-2024-procuracy');
    } finally {
      await other.close();
    }
  });

  it('answers the latest version again for the same content (200), and a new version for a changed one', async () => {
    const first = (await t.http().get('/api/v1/rule-packs/rules-2026-test/versions').set(admin).expect(200)).body.items[0];
    const again = await t.http().post('/api/v1/rule-packs/rules-2026-test/versions').set(admin).send({ document: pack2026() }).expect(200);
    expect(again.body).toMatchObject({ created: false, version: { id: first.id, number: 1 } });

    const second = await t.http().post('/api/v1/rule-packs/rules-2026-test/versions').set(admin).send({ document: pack2026(12) }).expect(201);
    expect(second.body.version).toMatchObject({ number: 2 });
    expect(t.app.get(RulePacksService).forYear(2026).caps).toEqual([expect.objectContaining({ percent: 12 })]);
    const versions = (await t.http().get('/api/v1/rule-packs/rules-2026-test/versions').set(admin).expect(200)).body.items;
    expect(versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
    const list = (await t.http().get('/api/v1/rule-packs').set(admin).expect(200)).body.items;
    expect(list.map((item: { key: string }) => item.key)).toEqual(['rules-before-2024', 'rules-2024-procuracy', 'rules-2026-test']);
    expect(list[2]).toMatchObject({ builtIn: false, latestVersion: 2, name: 'Quy tắc khen thưởng thử nghiệm 2026' });
  });

  it('keeps a built-in key to its file, and rule packs to administrators', async () => {
    const builtIn = (await t.http().post('/api/v1/rule-packs/rules-2024-procuracy/versions').set(admin).send({ document: pack2024() }).expect(422)).body;
    expect(builtIn.details).toEqual([expect.objectContaining({ path: 'key', code: 'BUILT_IN' })]);
    expect((await t.http().post('/api/v1/rule-packs/rules-officer/versions').set(officer).send({ document: { ...pack2026(), key: 'rules-officer', effectiveFrom: '2027-01-01' } }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    await t.http().get('/api/v1/rule-packs').set(officer).expect(403);
    await t.http().get('/api/v1/rule-packs').expect(401);
    expect(await syncBuiltinRulePacks(library())).toEqual(readBuiltinRulePackFiles().map((file) => ({ key: file.key, action: 'unchanged', version: 1 })));
  });
});
