import type { StageDefinition } from '../../definitions/workflow-document';
import { ProposeStage } from './propose.stage';

describe('ProposeStage', () => {
  const handler = new ProposeStage();
  const stage = (settings: Record<string, unknown>, extra: Partial<StageDefinition> = {}): StageDefinition => ({ type: 'propose', fanOut: 'each-member', settings, on: { proposed: 'review' }, ...extra });
  const problems = (settings: Record<string, unknown>, extra: Partial<StageDefinition> = {}) => handler.validate(stage(settings, extra)).map((p) => [p.path, p.code]);

  it('accepts the rule pack’s title codes for each member unit, or for named assignees', () => {
    expect(problems({ titles: ['LDTT', 'CSTDCS'] })).toEqual([]);
    expect(problems({ titles: ['CSTD-NGANH'] }, { fanOut: undefined, assignees: ['cluster-head'] })).toEqual([]);
    expect(problems({ titles: ['GIAY-KHEN'], criteria: { vi: 'Có thành tích trong phong trào', en: 'Achievements in the movement' } })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Partial<StageDefinition>, Array<[string, string]>]>([
    ['no titles', {}, {}, [['settings.titles', 'SETTING_INVALID']]],
    ['an empty list', { titles: [] }, {}, [['settings.titles', 'SETTING_INVALID']]],
    ['a title in words', { titles: ['Lao động tiên tiến'] }, {}, [['settings.titles', 'SETTING_INVALID']]],
    ['a lower-case code', { titles: ['ldtt'] }, {}, [['settings.titles', 'SETTING_INVALID']]],
    ['a title twice', { titles: ['LDTT', 'LDTT'] }, {}, [['settings.titles', 'SETTING_INVALID']]],
    ['an unknown setting', { titles: ['LDTT'], caps: 2 }, {}, [['settings.caps', 'SETTING_UNKNOWN']]],
    ['criteria that are no text', { titles: ['LDTT'], criteria: { vi: '' } }, {}, [['settings.criteria', 'SETTING_INVALID']]],
    ['criteria in an unknown language', { titles: ['LDTT'], criteria: { fr: 'Critères' } }, {}, [['settings.criteria', 'SETTING_INVALID']]],
    ['nobody to propose', { titles: ['LDTT'] }, { fanOut: undefined }, [['fanOut', 'SETTING_INVALID']]],
  ])('refuses %s at its path', (_name, settings, extra, expected) => {
    expect(problems(settings, extra)).toEqual(expected);
  });

  it('completes when every unit has answered, or at its due time with what was proposed', () => {
    const definition = stage({ titles: ['LDTT'] });
    expect(handler.evaluate(definition, [{ status: 'done', outcome: 'proposed' }, { status: 'open', outcome: null }])).toEqual({ complete: false });
    expect(handler.evaluate(definition, [{ status: 'done', outcome: 'proposed' }, { status: 'cancelled', outcome: null }])).toEqual({ complete: true, outcome: 'proposed' });
    expect(handler.onDue()).toEqual({ complete: true, outcome: 'proposed' });
  });

  it('takes a proposal only through the proposals API, with its record', () => {
    const definition = stage({ titles: ['LDTT'] });
    expect(handler.taskOutcome(definition, 'propose', { withRecord: true })).toEqual({ outcome: 'proposed' });
    expect(handler.taskOutcome(definition, 'propose', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.taskOutcome(definition, 'acknowledge', { withRecord: true })).toEqual({ problem: 'UNKNOWN_COMMAND' });
  });
});
