import { ScoringBranch, ScoringLeaf, ScoringTableDocument } from './scoring-table';
import { sampleScoringTable } from './testing/sample-scoring-table';
import { MAX_TABLE_DEPTH, validateScoringTable } from './validate-scoring-table';

/** The sample table with one change made by `edit` on a copy. */
function edited(edit: (table: ScoringTableDocument) => void): ScoringTableDocument {
  const table = structuredClone(sampleScoringTable());
  edit(table);
  return table;
}

const group = (table: ScoringTableDocument, index: number) => table.groups[index];
const item = (branch: ScoringBranch, index: number) => branch.items[index] as ScoringLeaf & ScoringBranch;
const codesAt = (document: unknown) => validateScoringTable(document).map((p) => `${p.path} ${p.code}`);

describe('validateScoringTable', () => {
  it('accepts the sample table', () => {
    expect(validateScoringTable(sampleScoringTable())).toEqual([]);
  });

  it.each([
    ['not an object', 'text', [' SCHEMA']],
    ['no groups', { name: 'x', year: 2020, rounding: 'half-up', grades: [{ code: 'a', label: 'A', min: 1 }] }, ['groups SCHEMA']],
  ])('refuses a document with %s', (_, document, expected) => {
    expect(codesAt(document)).toEqual(expected);
  });

  it.each<[string, (t: ScoringTableDocument) => void, string[]]>([
    ['an empty group list', (t) => (t.groups = []), ['groups SCHEMA']],
    ['a group without items', (t) => (group(t, 0).items = []), ['groups[0].items SCHEMA']],
    ['an unknown method', (t) => (item(group(t, 0), 0).method = 'double' as never), ['groups[0].items[0].method SCHEMA']],
    ['an unknown property', (t) => Object.assign(item(group(t, 0), 0), { weight: 2 }), ['groups[0].items[0] SCHEMA']],
    ['a leaf without points', (t) => delete (item(group(t, 1), 1) as Partial<ScoringLeaf>).points, ['groups[1].items[1].points SCHEMA']],
    ['another rounding rule', (t) => (t.rounding = 'half-even' as never), ['rounding SCHEMA']],
    ['a text in English only', (t) => (item(group(t, 0), 0).text = { en: 'x' } as never), ['groups[0].items[0].text SCHEMA', 'groups[0].items[0].text.vi SCHEMA']],
    ['points as a string', (t) => (item(group(t, 0), 0).points = '10' as never), ['groups[0].items[0].points SCHEMA']],
  ])('refuses the shape of %s', (_, edit, expected) => {
    expect(codesAt(edited(edit))).toEqual(expected);
  });

  it.each<[string, (t: ScoringTableDocument) => void, string[]]>([
    ['a code with a space', (t) => (item(group(t, 0), 0).code = 'I 1'), ['groups[0].items[0].code CODE_INVALID']],
    ['a code starting with a dot', (t) => (item(group(t, 0), 0).code = '.1'), ['groups[0].items[0].code CODE_INVALID']],
    ['a code in Vietnamese letters', (t) => (item(group(t, 0), 0).code = 'Đ.1'), ['groups[0].items[0].code CODE_INVALID']],
    ['a duplicate leaf code', (t) => (item(group(t, 2), 1).code = 'IV.1'), ['groups[2].items[1].code CODE_DUPLICATE']],
    ['a leaf code equal to a group code', (t) => (item(group(t, 0), 0).code = 'III'), ['groups[1].code CODE_DUPLICATE']],
    // I.2-b and I.2.b both become c_I_2_b.
    ['codes sharing a form key', (t) => (item(group(t, 2), 1).code = 'I-2-a'), ['groups[2].items[1].code FIELD_KEY_COLLISION']],
    ['a code taking a comment key', (t) => (item(group(t, 2), 1).code = 'I.1-comment'), ['groups[2].items[1].code FIELD_KEY_COLLISION']],
    ['points of 0', (t) => (item(group(t, 0), 0).points = 0), ['groups[0].items[0].points NOT_POSITIVE']],
    ['negative points', (t) => (item(group(t, 2), 0).points = -5), ['groups[2].items[0].points NOT_POSITIVE']],
    ['points with 3 decimals', (t) => (item(group(t, 0), 0).points = 2.125), ['groups[0].items[0].points TOO_PRECISE']],
    ['a target of 0', (t) => (item(item(group(t, 0), 1), 0).target = 0), ['groups[0].items[1].items[0].target NOT_POSITIVE']],
    ['a target with 3 decimals', (t) => (item(item(group(t, 0), 1), 0).target = 0.333), ['groups[0].items[1].items[0].target TOO_PRECISE']],
    ['an exceedCap equal to the points', (t) => (item(item(group(t, 0), 1), 1).exceedCap = 5), ['groups[0].items[1].items[1].exceedCap EXCEED_CAP_NOT_ABOVE_POINTS']],
    ['an exceedCap below the points', (t) => (item(item(group(t, 0), 1), 1).exceedCap = 4.5), ['groups[0].items[1].items[1].exceedCap EXCEED_CAP_NOT_ABOVE_POINTS']],
    ['an exceedCap on a full leaf', (t) => (item(group(t, 0), 0).exceedCap = 12), ['groups[0].items[0].exceedCap SETTING_NOT_FOR_METHOD']],
    ['a target on a bonus leaf', (t) => (item(group(t, 1), 0).target = 3), ['groups[1].items[0].target SETTING_NOT_FOR_METHOD']],
    ['a cap of 0', (t) => (group(t, 1).cap = 0), ['groups[1].cap NOT_POSITIVE']],
    ['a cap with 3 decimals', (t) => (item(group(t, 0), 1).cap = 14.001), ['groups[0].items[1].cap TOO_PRECISE']],
    ['grades in ascending order', (t) => t.grades.reverse(), ['grades[1].min GRADES_NOT_DESCENDING', 'grades[2].min GRADES_NOT_DESCENDING']],
    ['two grades with one minimum', (t) => (t.grades[1].min = 20), ['grades[1].min GRADES_NOT_DESCENDING']],
    ['a grade code twice', (t) => (t.grades[2].code = 'kha'), ['grades[2].code GRADE_CODE_DUPLICATE']],
    ['a grade minimum with 3 decimals', (t) => (t.grades[1].min = 9.999), ['grades[1].min TOO_PRECISE']],
  ])('refuses %s', (_, edit, expected) => {
    expect(codesAt(edited(edit))).toEqual(expected);
  });

  it('accepts a negative lowest grade, decimals with two places and an exceedCap above the points', () => {
    const table = edited((t) => {
      t.grades[2].min = -10;
      item(group(t, 0), 0).points = 9.75;
      item(item(group(t, 0), 1), 1).exceedCap = 5.01;
    });
    expect(validateScoringTable(table)).toEqual([]);
  });

  it('reports every problem at once, with messages that name the values', () => {
    const problems = validateScoringTable(
      edited((t) => {
        item(group(t, 0), 0).points = 0;
        item(group(t, 2), 1).code = 'IV.1';
      }),
    );
    expect(problems).toEqual([
      { path: 'groups[2].items[1].code', code: 'CODE_DUPLICATE', message: 'code "IV.1" is already used at groups[2].items[0]' },
      { path: 'groups[0].items[0].points', code: 'NOT_POSITIVE', message: 'must be greater than 0 (is 0)' },
    ]);
  });

  it(`refuses criteria nested deeper than ${MAX_TABLE_DEPTH} levels without recursing into them`, () => {
    let node: Record<string, unknown> = { code: 'leaf', text: 'x', method: 'full', points: 1 };
    for (let depth = 0; depth < 100_000; depth++) node = { code: `b${depth}`, text: 'x', items: [node] };
    const problems = validateScoringTable({ ...sampleScoringTable(), groups: [node] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'TOO_DEEP', path: 'groups[0].items[0].items[0].items[0].items[0].items[0].items' });
  });

  it(`accepts criteria exactly ${MAX_TABLE_DEPTH} levels deep`, () => {
    let node: Record<string, unknown> = { code: 'leaf', text: 'x', method: 'full', points: 1 };
    for (let depth = 1; depth < MAX_TABLE_DEPTH; depth++) node = { code: `b${depth}`, text: 'x', items: [node] };
    expect(validateScoringTable({ ...sampleScoringTable(), groups: [node] })).toEqual([]);
  });
});
