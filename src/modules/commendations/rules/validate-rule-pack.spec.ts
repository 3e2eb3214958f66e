import { validateRulePack } from './validate-rule-pack';

/** A small well-formed pack as JSON: two individual titles, one collective, a cap, an exclusion. Fresh on every call. */
function validPack(): Record<string, unknown> {
  const name = (code: string) => ({ vi: `Danh hiệu ${code}`, en: `Title ${code}` });
  return {
    key: 'sample',
    name: { vi: 'Bộ mẫu', en: 'Sample pack' },
    effectiveFrom: '2024-01-01',
    titles: [
      { code: 'A', name: name('A'), shortName: name('A'), subject: 'person', prerequisites: [] },
      {
        code: 'B',
        name: name('B'),
        shortName: name('B'),
        subject: 'person',
        prerequisites: [
          { id: 'B.same-year-A', kind: 'same-year-title', title: 'A', source: 'Luật X' },
          {
            id: 'B.results-or-initiative',
            kind: 'any-of',
            source: 'Luật X',
            anyOf: [
              { id: 'B.results', kind: 'excellent-results', source: 'Luật X' },
              { id: 'B.initiative', kind: 'initiative', minimumScope: 'unit', withinYears: 1, source: 'Luật X' },
            ],
          },
          { id: 'B.vote', kind: 'vote-share', electorate: 'sector-council', threshold: { numerator: 9, denominator: 10 }, comparison: '>=', source: 'Thông tư Y' },
        ],
      },
      {
        code: 'U',
        name: name('U'),
        shortName: name('U'),
        subject: 'unit',
        prerequisites: [
          { id: 'U.members-A', kind: 'members-holding', title: 'A', percent: 70, source: 'Luật X' },
          { id: 'U.one-B', kind: 'at-least-members-holding', title: 'B', count: 1, source: 'Luật X' },
          { id: 'U.all-completed', kind: 'all-members-completed', source: 'Luật X' },
        ],
      },
    ],
    caps: [{ id: 'cap.B', title: 'B', base: { title: 'A' }, percent: 15, rounding: 'floor', source: 'Nghị định Z' }],
    exclusions: [
      { id: 'exclusion.recruited', kind: 'recruited-under-months', months: 6, titles: ['A', 'B'], source: 'Nghị định Z' },
      { id: 'exclusion.absent', kind: 'absent-months', fromMonths: 3, underMonths: 6, titles: ['A'], source: 'Nghị định Z' },
      { id: 'exclusion.discipline', kind: 'disciplined-at-or-above', level: 'reprimand', titles: ['A'], source: 'Nghị định Z' },
    ],
    nominationVote: { secret: true, threshold: { numerator: 4, denominator: 5 }, comparison: '>=', electorate: 'council', source: 'Thông tư Y' },
  };
}

/** An edit of the pack JSON at a path written like the problems' paths (`titles[1].prerequisites[0].title`). */
type Edit = { set: string; to: unknown } | { remove: string } | { push: string; value: unknown } | { pop: string };

function edit(document: Record<string, unknown>, change: Edit): void {
  const path = 'set' in change ? change.set : 'remove' in change ? change.remove : 'push' in change ? change.push : change.pop;
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let container = document;
  for (const key of keys.slice(0, -1)) container = container[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if ('set' in change) container[last] = change.to;
  else if ('remove' in change) delete container[last];
  else if ('push' in change) (container[last] as unknown[]).push(change.value);
  else (container[last] as unknown[]).pop();
}

const codesOf = (input: unknown) => validateRulePack(input).map((problem) => [problem.path, problem.code]);

describe('validateRulePack', () => {
  it('accepts a well-formed pack', () => {
    expect(validateRulePack(validPack())).toEqual([]);
  });

  it.each([
    // Unknown titles, wherever a title is referenced.
    ['a prerequisite names an unknown title', { set: 'titles[1].prerequisites[0].title', to: 'LDTT' }, [['titles[1].prerequisites[0].title', 'UNKNOWN_TITLE']]],
    ['a members rule names an unknown title', { set: 'titles[2].prerequisites[0].title', to: 'X' }, [['titles[2].prerequisites[0].title', 'UNKNOWN_TITLE']]],
    ['a cap counts an unknown title', { set: 'caps[0].title', to: 'X' }, [['caps[0].title', 'UNKNOWN_TITLE']]],
    ['a cap is measured against an unknown title', { set: 'caps[0].base', to: { title: 'X' } }, [['caps[0].base.title', 'UNKNOWN_TITLE']]],
    ['an exclusion bars an unknown title', { set: 'exclusions[1].titles', to: ['A', 'X'] }, [['exclusions[1].titles[1]', 'UNKNOWN_TITLE']]],
    ['an alternative names an unknown title', { set: 'titles[1].prerequisites[1].anyOf[0]', to: { id: 'B.x', kind: 'same-year-title', title: 'X', source: 'Luật X' } }, [['titles[1].prerequisites[1].anyOf[0].title', 'UNKNOWN_TITLE']]],
    // Cycles in the ladder.
    ['a title requires itself', { push: 'titles[0].prerequisites', value: { id: 'A.self', kind: 'consecutive-years', title: 'A', years: 2, source: 'Luật X' } }, [['titles[0].prerequisites[0]', 'TITLE_CYCLE']]],
    ['two titles require each other', { push: 'titles[0].prerequisites', value: { id: 'A.B', kind: 'same-year-title', title: 'B', source: 'Luật X' } }, [['titles[1].prerequisites[0]', 'TITLE_CYCLE']]],
    [
      'a cycle through an alternative',
      { push: 'titles[0].prerequisites', value: { id: 'A.any', kind: 'any-of', source: 'Luật X', anyOf: [{ id: 'A.B', kind: 'same-year-title', title: 'B', source: 'Luật X' }, { id: 'A.r', kind: 'excellent-results', source: 'Luật X' }] } },
      [['titles[1].prerequisites[0]', 'TITLE_CYCLE']],
    ],
    // Percents.
    ['a percent above 100', { set: 'titles[2].prerequisites[0].percent', to: 101 }, [['titles[2].prerequisites[0].percent', 'PERCENT_OUT_OF_RANGE']]],
    ['a negative cap percent', { set: 'caps[0].percent', to: -1 }, [['caps[0].percent', 'PERCENT_OUT_OF_RANGE']]],
    ['a fractional percent', { set: 'caps[0].percent', to: 12.5 }, [['caps[0].percent', 'NOT_AN_INTEGER']]],
    // Duplicates.
    ['a duplicate title code', { set: 'titles[2].code', to: 'A' }, [['titles[2].code', 'DUPLICATE_TITLE']]],
    ['a duplicate rule id', { set: 'caps[0].id', to: 'B.vote' }, [['caps[0].id', 'DUPLICATE_RULE_ID']]],
    // Sources.
    ['a prerequisite without source', { remove: 'titles[1].prerequisites[0].source' }, [['titles[1].prerequisites[0].source', 'SOURCE_MISSING']]],
    ['an alternative with a blank source', { set: 'titles[1].prerequisites[1].anyOf[1].source', to: '  ' }, [['titles[1].prerequisites[1].anyOf[1].source', 'SOURCE_MISSING']]],
    ['a cap without source', { remove: 'caps[0].source' }, [['caps[0].source', 'SOURCE_MISSING']]],
    ['an exclusion without source', { set: 'exclusions[2].source', to: '' }, [['exclusions[2].source', 'SOURCE_MISSING']]],
    ['a nomination vote without source', { remove: 'nominationVote.source' }, [['nominationVote.source', 'SOURCE_MISSING']]],
    // Subjects.
    ['a members rule on an individual title', { push: 'titles[1].prerequisites', value: { id: 'B.members', kind: 'all-members-completed', source: 'Luật X' } }, [['titles[1].prerequisites[3]', 'SUBJECT_MISMATCH']]],
    ['a collective needs an individual title in the same year', { push: 'titles[2].prerequisites', value: { id: 'U.A', kind: 'same-year-title', title: 'A', source: 'Luật X' } }, [['titles[2].prerequisites[3].title', 'SUBJECT_MISMATCH']]],
    ['members must hold an individual title', { set: 'titles[2].prerequisites[1].title', to: 'U' }, [['titles[2].prerequisites[1].title', 'SUBJECT_MISMATCH'], ['titles[2].prerequisites[1]', 'TITLE_CYCLE']]],
    ['an exclusion bars a collective title', { set: 'exclusions[0].titles', to: ['U'] }, [['exclusions[0].titles[0]', 'SUBJECT_MISMATCH']]],
    // Shape.
    ['a threshold above 1', { set: 'titles[1].prerequisites[2].threshold', to: { numerator: 11, denominator: 10 } }, [['titles[1].prerequisites[2].threshold', 'FRACTION_ABOVE_ONE']]],
    ['a threshold with a zero denominator', { set: 'nominationVote.threshold', to: { numerator: 4, denominator: 0 } }, [['nominationVote.threshold.denominator', 'ZERO_DENOMINATOR']]],
    ['a threshold written as a float', { set: 'nominationVote.threshold', to: 0.8 }, [['nominationVote.threshold', 'NOT_A_FRACTION']]],
    ['an unknown prerequisite kind', { set: 'titles[1].prerequisites[0].kind', to: 'same-title' }, [['titles[1].prerequisites[0].kind', 'UNKNOWN_KIND']]],
    ['an unknown field', { set: 'titles[0].level', to: 1 }, [['titles[0].level', 'UNKNOWN_FIELD']]],
    ['an entry neither a title nor a commendation form', { set: 'titles[0].kind', to: 'medal' }, [['titles[0].kind', 'UNKNOWN_VALUE']]],
    ['an unknown scope', { set: 'titles[1].prerequisites[1].anyOf[1].minimumScope', to: 'district' }, [['titles[1].prerequisites[1].anyOf[1].minimumScope', 'UNKNOWN_VALUE']]],
    ['zero consecutive years', { push: 'titles[1].prerequisites', value: { id: 'B.c', kind: 'consecutive-years', title: 'A', years: 0, source: 'Luật X' } }, [['titles[1].prerequisites[3].years', 'OUT_OF_RANGE']]],
    ['an any-of with one alternative', { pop: 'titles[1].prerequisites[1].anyOf' }, [['titles[1].prerequisites[1].anyOf', 'TOO_FEW_ALTERNATIVES']]],
    ['an absence range that is empty', { set: 'exclusions[1].underMonths', to: 3 }, [['exclusions[1].underMonths', 'RANGE_EMPTY']]],
    ['a date that does not exist', { set: 'effectiveFrom', to: '2023-02-29' }, [['effectiveFrom', 'NOT_A_DATE']]],
    ['a name in one language only', { set: 'titles[0].name', to: { vi: 'A' } }, [['titles[0].name', 'NOT_A_TEXT']]],
    ['a missing list', { remove: 'caps' }, [['caps', 'REQUIRED']]],
    ['a title code in lower case', { set: 'titles[0].code', to: 'ldtt' }, [['titles[0].code', 'INVALID_CODE']]],
    ['a public consultation of no days', { set: 'titles[0].publicConsultation', to: { workingDays: 0, source: 'Nghị định X' } }, [['titles[0].publicConsultation.workingDays', 'OUT_OF_RANGE']]],
    ['a public consultation without source', { set: 'titles[0].publicConsultation', to: { workingDays: 10 } }, [['titles[0].publicConsultation.source', 'SOURCE_MISSING']]],
  ] as Array<[string, Edit, string[][]]>)('reports %s', (_case, change, expected) => {
    const pack = validPack();
    edit(pack, change);
    expect(codesOf(pack)).toEqual(expected);
  });

  it('names the whole chain of a cycle in both languages', () => {
    const pack = validPack();
    edit(pack, { push: 'titles[0].prerequisites', value: { id: 'A.B', kind: 'same-year-title', title: 'B', source: 'Luật X' } });
    expect(validateRulePack(pack).map((problem) => problem.message)).toEqual([{ vi: 'danh hiệu tự đòi hỏi chính nó: A → B → A', en: 'a title requires itself: A → B → A' }]);
  });

  it('reports every shape problem at once, each with a message in both languages', () => {
    const pack = validPack();
    edit(pack, { set: 'caps[0].percent', to: 150 });
    edit(pack, { remove: 'exclusions[0].source' });
    edit(pack, { set: 'titles[1].prerequisites[0].title', to: 'UNKNOWN' });
    const problems = validateRulePack(pack);
    // The unknown title is a meaning problem: it waits until the shape is right.
    expect(problems.map((problem) => problem.code)).toEqual(['PERCENT_OUT_OF_RANGE', 'SOURCE_MISSING']);
    for (const problem of problems) expect(problem.message).toEqual({ vi: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
  });

  it.each([null, [], 'pack', 42])('refuses %p as a pack', (input) => {
    expect(codesOf(input)).toEqual([['', 'NOT_AN_OBJECT']]);
  });
});
