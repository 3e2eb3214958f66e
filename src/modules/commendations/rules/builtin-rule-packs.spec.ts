import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinRulePacksDir, loadBuiltinRulePacks, packForYear } from './builtin-rule-packs';
import { RulePack } from './rule-pack';
import { validateRulePack } from './validate-rule-pack';

const BUILTIN_KEYS = ['rules-before-2024', 'rules-2024-procuracy'];

describe('the built-in rule packs', () => {
  const packs = loadBuiltinRulePacks();

  it('are both shipped, ordered by the date they take effect', () => {
    expect(packs.map((pack) => [pack.key, pack.effectiveFrom])).toEqual([
      ['rules-before-2024', '2018-01-01'],
      ['rules-2024-procuracy', '2024-01-01'],
    ]);
  });

  it.each(BUILTIN_KEYS)('%s validates clean as written on disk', (key) => {
    const document: unknown = JSON.parse(readFileSync(join(builtinRulePacksDir(), `${key}.pack.json`), 'utf8'));
    expect(validateRulePack(document)).toEqual([]);
  });

  it.each(BUILTIN_KEYS)('%s defines the eight titles of the ladder, then the commendation forms for ad hoc and thematic awards', (key) => {
    const pack = packs.find((p) => p.key === key)!;
    expect(pack.titles.map((title) => [title.code, title.subject, title.kind ?? 'title'])).toEqual([
      ['LDTT', 'person', 'title'],
      ['CSTDCS', 'person', 'title'],
      ['CSTD-NGANH', 'person', 'title'],
      ['CSTD-TOAN-QUOC', 'person', 'title'],
      ['TTLDTT', 'unit', 'title'],
      ['TTLDXS', 'unit', 'title'],
      ['CO-THI-DUA-NGANH', 'unit', 'title'],
      ['CO-THI-DUA-CHINH-PHU', 'unit', 'title'],
      ['GIAY-KHEN', 'person', 'form'],
      ['GIAY-KHEN-TAP-THE', 'unit', 'form'],
      ['BANG-KHEN-VKSTC', 'person', 'form'],
      ['BANG-KHEN-VKSTC-TAP-THE', 'unit', 'form'],
    ]);
  });

  it('cap CSTĐCS at 15% of LĐTT holders, rounded down, under the old decree only', () => {
    const [before, after] = packs;
    expect(before.caps.find((cap) => cap.title === 'CSTDCS')).toMatchObject({ base: { title: 'LDTT' }, percent: 15, rounding: 'floor', source: 'Nghị định 91/2017/NĐ-CP' });
    expect(after.caps).toEqual([]);
  });

  it('bar individuals recruited under 6 months, absent 3 to under 6 months or reprimanded, from 2024 only', () => {
    const [before, after] = packs;
    expect(before.exclusions).toEqual([]);
    expect(after.exclusions.map((e) => e.kind)).toEqual(['recruited-under-months', 'absent-months', 'disciplined-at-or-above']);
    expect(after.exclusions[0]).toMatchObject({ months: 6 });
    expect(after.exclusions[1]).toMatchObject({ fromMonths: 3, underMonths: 6 });
    expect(after.exclusions[2]).toMatchObject({ level: 'reprimand' });
  });

  it('vote nominations by secret ballot, at least 4/5', () => {
    for (const pack of packs) expect(pack.nominationVote).toMatchObject({ secret: true, threshold: { numerator: 4, denominator: 5 }, comparison: '>=' });
  });
});

describe('loadBuiltinRulePacks', () => {
  let dir: string;
  const builtin = (key: string) => readFileSync(join(builtinRulePacksDir(), `${key}.pack.json`), 'utf8');
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'thidua-rule-packs-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads only <key>.pack.json files', () => {
    writeFileSync(join(dir, 'rules-before-2024.pack.json'), builtin('rules-before-2024'));
    writeFileSync(join(dir, 'notes.json'), '{}');
    expect(loadBuiltinRulePacks(dir).map((pack) => pack.key)).toEqual(['rules-before-2024']);
  });

  it('has no packs without the folder', () => {
    expect(loadBuiltinRulePacks(join(dir, 'missing'))).toEqual([]);
  });

  it.each([
    ['invalid JSON', 'broken.pack.json', () => '{ not json', 'is not valid JSON'],
    ['a validation problem, with its path and code', 'rules-before-2024.pack.json', () => builtin('rules-before-2024').replace('"percent": 15', '"percent": 115'), 'caps[0].percent PERCENT_OUT_OF_RANGE'],
    ['a missing source', 'rules-before-2024.pack.json', () => builtin('rules-before-2024').replace('"source": "Nghị định 91/2017/NĐ-CP" }', '"source": "" }'), 'SOURCE_MISSING'],
    ['a key that is not the file name', 'other-name.pack.json', () => builtin('rules-before-2024'), 'has key "rules-before-2024", expected "other-name"'],
  ])('stops on %s', (_case, file, content, message) => {
    writeFileSync(join(dir, file), content());
    expect(() => loadBuiltinRulePacks(dir)).toThrow(message);
  });

  it('stops on two packs taking effect the same day', () => {
    writeFileSync(join(dir, 'rules-before-2024.pack.json'), builtin('rules-before-2024'));
    writeFileSync(join(dir, 'copy.pack.json'), builtin('rules-before-2024').replace('"key": "rules-before-2024"', '"key": "copy"'));
    expect(() => loadBuiltinRulePacks(dir)).toThrow('both take effect on 2018-01-01');
  });
});

describe('packForYear: the pack taking effect latest in or before the evaluation year', () => {
  const packs = loadBuiltinRulePacks();
  const pack = (key: string, effectiveFrom: string) => ({ ...packs[0], key, effectiveFrom }) as RulePack;

  it.each([
    [2018, 'rules-before-2024'],
    [2020, 'rules-before-2024'],
    // The year that straddles the change: 2023 is still reviewed under the old rules, 2024 under the new ones.
    [2023, 'rules-before-2024'],
    [2024, 'rules-2024-procuracy'],
    [2030, 'rules-2024-procuracy'],
  ])('%i → %s', (year, key) => {
    expect(packForYear(packs, year).key).toBe(key);
  });

  it('lets a pack taking effect in the middle of a year govern that whole year (titles are reviewed at its end)', () => {
    const midYear = [pack('old', '2018-01-01'), pack('circular-02-2024', '2024-10-01')];
    expect(packForYear(midYear, 2023).key).toBe('old');
    expect(packForYear(midYear, 2024).key).toBe('circular-02-2024');
  });

  it('takes the later of two packs in one year, whatever their order in the list', () => {
    const sameYear = [pack('october', '2024-10-01'), pack('january', '2024-01-01')];
    expect(packForYear(sameYear, 2024).key).toBe('october');
  });

  it('refuses a year before every pack', () => {
    expect(() => packForYear(packs, 2017)).toThrow('No rule pack is in force for the evaluation year 2017');
  });
});
