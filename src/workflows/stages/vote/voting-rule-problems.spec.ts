import { votingRuleProblems } from './voting-rule-problems';

describe('votingRuleProblems', () => {
  it('finds nothing in a valid rule', () => {
    expect(votingRuleProblems({ denominator: 'cast', threshold: '2/3', comparison: '>=' }, 'settings.rule')).toEqual([]);
  });

  it('puts each problem of the rule at its path under the setting, in both languages', () => {
    const problems = votingRuleProblems({ threshold: '5/4', denominator: 'cast', comparison: '>', colour: 'red' }, 'settings.rule');
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual(['settings.rule.colour SETTING_INVALID', 'settings.rule.threshold SETTING_INVALID']);
    expect(problems[1].message.vi).toMatch(/^Phân số không được lớn hơn 1 \(/);
    expect(problems[0].message.en).toContain('unknown field "colour"');
  });

  it('words a rule that is not an object', () => {
    expect(votingRuleProblems('majority', 'settings.amendmentRule')).toEqual([
      { path: 'settings.amendmentRule', code: 'SETTING_INVALID', message: { vi: expect.stringMatching(/^Quy tắc biểu quyết phải là một đối tượng JSON/), en: expect.stringContaining('expected an object') } },
    ]);
  });
});
