import type { StageDefinition } from '../../definitions/workflow-document';
import { DecisionStage } from './decision.stage';

describe('DecisionStage', () => {
  const handler = new DecisionStage();
  const flag = { to: 'acclaimed', title: 'co-thi-dua-vksndtc', label: { vi: 'Cờ thi đua của VKSND tối cao', en: "Supreme People's Procuracy Emulation Flag" } };
  const stage = (settings: Record<string, unknown>, extra: Partial<StageDefinition> = {}): StageDefinition => ({ type: 'decision', assignees: ['admin'], settings, on: { decided: 'done' }, ...extra });
  const problems = (settings: Record<string, unknown>, extra: Partial<StageDefinition> = {}) => handler.validate(stage(settings, extra)).map((p) => [p.path, p.code]);

  it('accepts awards to the acclaimed units or the ranking\'s leaders, with an optional issuer and kind', () => {
    expect(problems({ awards: [flag] })).toEqual([]);
    expect(problems({ awards: [flag, { to: 'ranking-top', title: 'bang-khen', label: { vi: 'Bằng khen' }, kind: 'form' }], issuer: { vi: 'Viện trưởng VKSND tối cao', en: 'Procurator General' } })).toEqual([]);
    expect(problems({ awards: [flag], issuer: 'Viện trưởng VKSND tối cao' })).toEqual([]);
    expect(problems({ awards: [{ to: 'proposals' }, flag] })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Array<[string, string]>]>([
    ['no awards', {}, [['settings.awards', 'SETTING_INVALID']]],
    ['an empty list', { awards: [] }, [['settings.awards', 'SETTING_INVALID']]],
    ['awards not a list', { awards: flag }, [['settings.awards', 'SETTING_INVALID']]],
    ['an unknown target', { awards: [{ ...flag, to: 'everyone' }] }, [['settings.awards[0].to', 'SETTING_INVALID']]],
    ['a title that is not a code', { awards: [{ ...flag, title: 'Cờ thi đua' }] }, [['settings.awards[0].title', 'SETTING_INVALID']]],
    ['a label without Vietnamese', { awards: [{ ...flag, label: { en: 'Flag' } }] }, [['settings.awards[0].label', 'SETTING_INVALID']]],
    ['a label as a plain string', { awards: [{ ...flag, label: 'Cờ' }] }, [['settings.awards[0].label', 'SETTING_INVALID']]],
    ['an unknown kind', { awards: [{ ...flag, kind: 'medal' }] }, [['settings.awards[0].kind', 'SETTING_INVALID']]],
    ['an unknown award field', { awards: [{ ...flag, points: 5 }] }, [['settings.awards[0].points', 'SETTING_UNKNOWN']]],
    ['the same award twice', { awards: [flag, flag] }, [['settings.awards[1]', 'SETTING_INVALID']]],
    ['a title given to the proposals, which carry their own', { awards: [{ to: 'proposals', title: 'LDTT' }] }, [['settings.awards[0].title', 'SETTING_INVALID']]],
    ['the proposals twice', { awards: [{ to: 'proposals' }, { to: 'proposals' }] }, [['settings.awards[1]', 'SETTING_INVALID']]],
    ['an issuer that is no text', { awards: [flag], issuer: 42 }, [['settings.issuer', 'SETTING_INVALID']]],
    ['an unknown setting', { awards: [flag], number: '1/QĐ' }, [['settings.number', 'SETTING_UNKNOWN']]],
  ])('refuses %s at its path', (_name, settings, expected) => {
    expect(problems(settings)).toEqual(expected);
  });

  it('is recorded once, so it takes no fan-out', () => {
    expect(problems({ awards: [flag] }, { fanOut: 'each-member' })).toEqual([['fanOut', 'SETTING_INVALID']]);
  });

  it('is decided by the first recorded decision, and only through the decision API', () => {
    const s = stage({ awards: [flag] });
    expect(handler.outcomes()).toEqual(['decided']);
    expect(handler.taskOutcome(s, 'decide', { withRecord: true })).toEqual({ outcome: 'decided' });
    expect(handler.taskOutcome(s, 'decide', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.taskOutcome(s, 'approve', { withRecord: true })).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.evaluate(s, [{ status: 'open', outcome: null }, { status: 'open', outcome: null }])).toEqual({ complete: false });
    expect(handler.evaluate(s, [{ status: 'open', outcome: null }, { status: 'done', outcome: 'decided' }])).toEqual({ complete: true, outcome: 'decided' });
  });
});
