import type { StageDefinition } from '../../definitions/workflow-document';
import { defaultRankSources, RankStage, resolveRankSettings } from './rank.stage';

const score = (scorers: string): StageDefinition => ({ type: 'score', settings: { table: 't', scorers }, fanOut: 'each-member', on: { scored: 'rank' } });

/** Self-score, cross-score, the head's score, then the ranking: the year-end shape. */
const STAGES: Record<string, StageDefinition> = {
  'self-score': score('self'),
  'cross-score': score('peers'),
  'head-score': score('head'),
  report: { type: 'form', settings: { form: 'reporting/yearend-report' }, fanOut: 'each-member', on: { submitted: 'self-score' } },
  rank: { type: 'rank', on: { ranked: 'done' } },
  done: { type: 'end' },
};

const rank = (settings: Record<string, unknown>, shape: Partial<StageDefinition> = {}): StageDefinition => ({ type: 'rank', settings, on: { ranked: 'done' }, ...shape });

describe('RankStage', () => {
  const handler = new RankStage();

  it.each([
    ['no settings (defaults)', {}],
    ['every setting', { from: ['cross-score', 'head-score'], includeSelf: true, aggregation: 'median', tieBreak: ['total', 'group:I', 'fewer-penalties'], leaders: 2 }],
    ['a self-score stage named explicitly', { from: ['self-score'], includeSelf: true }],
    ['mean and one tie-break key', { aggregation: 'mean', tieBreak: ['total'] }],
    ['trimmed-mean and a dotted group code', { aggregation: 'trimmed-mean', tieBreak: ['group:II.1', 'total'] }],
  ] as const)('accepts %s', (_name, settings) => {
    expect(handler.validate(rank(settings), { stages: STAGES })).toEqual([]);
  });

  it.each([
    ['a stage that is not a score stage', { from: ['report'] }, ['SETTING_INVALID settings.from[0]']],
    ['a stage that does not exist', { from: ['cross-score', 'nowhere'] }, ['SETTING_INVALID settings.from[1]']],
    ['a prototype key as a stage', { from: ['constructor'] }, ['SETTING_INVALID settings.from[0]']],
    ['an empty from', { from: [] }, ['SETTING_INVALID settings.from']],
    ['from as a string', { from: 'cross-score' }, ['SETTING_INVALID settings.from']],
    ['a stage named twice', { from: ['cross-score', 'cross-score'] }, ['SETTING_INVALID settings.from']],
    ['includeSelf as text', { includeSelf: 'yes' }, ['SETTING_INVALID settings.includeSelf']],
    ['an unknown aggregation', { aggregation: 'max' }, ['SETTING_INVALID settings.aggregation']],
    ['an unknown tie-break key', { tieBreak: ['total', 'seniority'] }, ['SETTING_INVALID settings.tieBreak']],
    ['a group key without a code', { tieBreak: ['group:'] }, ['SETTING_INVALID settings.tieBreak']],
    ['an empty tie-break chain', { tieBreak: [] }, ['SETTING_INVALID settings.tieBreak']],
    ['a tie-break key twice', { tieBreak: ['total', 'total'] }, ['SETTING_INVALID settings.tieBreak']],
    ['zero leaders', { leaders: 0 }, ['SETTING_INVALID settings.leaders']],
    ['fractional leaders', { leaders: 1.5 }, ['SETTING_INVALID settings.leaders']],
    ['leaders as text', { leaders: '1' }, ['SETTING_INVALID settings.leaders']],
    ['an unknown setting', { colour: 'red' }, ['SETTING_UNKNOWN settings.colour']],
  ] as const)('refuses %s', (_name, settings, expected) => {
    expect(handler.validate(rank(settings), { stages: STAGES }).map((p) => `${p.code} ${p.path}`)).toEqual(expected);
  });

  it('refuses score stages of different tables: their points cannot be compared', () => {
    const stages = { ...STAGES, 'council-score': { ...score('council'), settings: { table: 'other', scorers: 'council' }, assignees: ['council-member'] } } as Record<string, StageDefinition>;
    expect(handler.validate(rank({}), { stages }).map((p) => `${p.code} ${p.path}`)).toEqual(['SETTING_INVALID settings.from']);
    expect(handler.validate(rank({ from: ['cross-score', 'council-score'] }), { stages }).map((p) => `${p.code} ${p.path}`)).toEqual(['SETTING_INVALID settings.from']);
    expect(handler.validate(rank({ from: ['cross-score', 'head-score'] }), { stages })).toEqual([]);
  });

  it('refuses assignees: it has no tasks', () => {
    expect(handler.validate(rank({}, { assignees: ['cluster-head'] }), { stages: STAGES }).map((p) => p.code)).toEqual(['ASSIGNEES_NOT_ALLOWED']);
    expect(handler.validate(rank({}, { fanOut: 'each-member' }), { stages: STAGES }).map((p) => p.code)).toEqual(['ASSIGNEES_NOT_ALLOWED']);
  });

  it('needs a score stage to rank from when from is left out', () => {
    const onlySelf = { 'self-score': score('self'), rank: rank({}), done: { type: 'end' } };
    expect(handler.validate(rank({}), { stages: onlySelf }).map((p) => `${p.code} ${p.path}`)).toEqual(['SETTING_INVALID settings.from']);
    expect(handler.validate(rank({ from: ['self-score'] }), { stages: onlySelf })).toEqual([]);
  });

  it('reads by default every score stage scored by peers, head or council, with trimmed mean and one leader', () => {
    expect(defaultRankSources(STAGES)).toEqual(['cross-score', 'head-score']);
    expect(resolveRankSettings(rank({}), STAGES)).toEqual({ from: ['cross-score', 'head-score'], includeSelf: false, aggregation: 'trimmed-mean', tieBreak: undefined, leaders: 1 });
    expect(resolveRankSettings(rank({ from: ['self-score'], includeSelf: true, leaders: 3 }), STAGES)).toMatchObject({ from: ['self-score'], includeSelf: true, leaders: 3 });
  });

  it('is complete with "ranked" as soon as it is entered, and takes no commands', () => {
    expect(handler.outcomes()).toEqual(['ranked']);
    expect(handler.evaluate()).toEqual({ complete: true, outcome: 'ranked' });
    expect(handler.taskOutcome()).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.hasTasks).toBe(false);
  });
});
