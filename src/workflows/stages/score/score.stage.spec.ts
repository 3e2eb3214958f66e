import type { StageDefinition } from '../../definitions/workflow-document';
import type { SubjectMember } from '../stage-handler';
import { recusalAllowed, ScoreStage, scoreSettingsOf } from './score.stage';

const stage = (settings: Record<string, unknown>, shape: Partial<StageDefinition> = { fanOut: 'each-member' }): StageDefinition =>
  ({ type: 'score', settings, on: { scored: 'done' }, ...shape }) as StageDefinition;
const open = { status: 'open' as const, outcome: null };
const submitted = { status: 'done' as const, outcome: 'submitted' };
const recused = { status: 'done' as const, outcome: 'recused' };
const cancelled = { status: 'cancelled' as const, outcome: null };

/** Cluster No. 6 in miniature: THA heads it, NAN is deputy. */
const MEMBERS: SubjectMember[] = [
  { unitId: 'THA', role: 'head' },
  { unitId: 'NAN', role: 'deputy' },
  { unitId: 'HTI', role: 'member' },
  { unitId: 'QBI', role: 'member' },
];

describe('ScoreStage', () => {
  const handler = new ScoreStage();

  it.each([
    ['self by fan-out', { table: 'procuracy-cluster-2020', scorers: 'self' }, { fanOut: 'each-member' }],
    ['peers by assignees', { table: 't', scorers: 'peers', evidence: 'required', allowRecusal: false }, { assignees: ['cluster-member'] }],
    ['head', { table: 't', scorers: 'head', evidence: 'optional' }, { assignees: ['cluster-head'] }],
    ['council', { table: 't-2020', scorers: 'council' }, { assignees: ['council-member'] }],
  ] as const)('accepts %s', (_name, settings, shape) => {
    expect(handler.validate(stage(settings, shape as Partial<StageDefinition>))).toEqual([]);
  });

  it.each([
    ['no table', { scorers: 'self' }, {}, ['SETTING_INVALID settings.table']],
    ['a table key with spaces', { table: 'Bảng 2020', scorers: 'self' }, {}, ['SETTING_INVALID settings.table']],
    ['a table key in a folder', { table: 'scoring/t', scorers: 'self' }, {}, ['SETTING_INVALID settings.table']],
    ['unknown scorers', { table: 't', scorers: 'everyone' }, {}, ['SETTING_INVALID settings.scorers']],
    ['a bad evidence rule', { table: 't', scorers: 'self', evidence: 'always' }, {}, ['SETTING_INVALID settings.evidence']],
    ['a non-boolean recusal', { table: 't', scorers: 'peers', allowRecusal: 'yes' }, {}, ['SETTING_INVALID settings.allowRecusal']],
    ['an unknown setting', { table: 't', scorers: 'self', colour: 'red' }, {}, ['SETTING_UNKNOWN settings.colour']],
    ['peers assigned to the head', { table: 't', scorers: 'peers' }, { fanOut: undefined, assignees: ['cluster-head'] }, ['SETTING_INVALID assignees']],
    ['head by fan-out', { table: 't', scorers: 'head' }, {}, ['SETTING_INVALID assignees']],
    ['council assigned to members', { table: 't', scorers: 'council' }, { fanOut: undefined, assignees: ['cluster-member'] }, ['SETTING_INVALID assignees']],
  ] as const)('refuses %s', (_name, settings, shape, expected) => {
    const problems = handler.validate(stage(settings, { fanOut: 'each-member', ...(shape as Partial<StageDefinition>) }));
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual(expected);
  });

  it.each([
    ['self', { unitId: 'HTI' }, ['HTI']],
    ['self, for a unit outside the subject', { unitId: 'XXX' }, []],
    ['peers', { unitId: 'HTI' }, ['THA', 'NAN', 'QBI']],
    ['peers, the head among them', { unitId: 'THA' }, ['NAN', 'HTI', 'QBI']],
    ['head', { unitId: 'THA' }, ['NAN', 'HTI', 'QBI']],
    ['council', { personId: 'p-1' }, ['THA', 'NAN', 'HTI', 'QBI']],
  ] as const)('pairs %s with the units it scores', (scorers, assignee, expected) => {
    const name = scorers.split(',')[0];
    expect(handler.taskSubjects(stage({ table: 't', scorers: name }), assignee, MEMBERS)).toEqual(expected);
  });

  it('never gives a unit a task about itself, whatever the scorers', () => {
    for (const scorers of ['peers', 'head', 'council']) {
      for (const member of MEMBERS) expect(handler.taskSubjects(stage({ table: 't', scorers }), { unitId: member.unitId }, MEMBERS)).not.toContain(member.unitId);
    }
  });

  it('takes submit and recuse only with their record', () => {
    const s = stage({ table: 't', scorers: 'peers' });
    expect(handler.taskOutcome(s, 'submit', { withRecord: true })).toEqual({ outcome: 'submitted' });
    expect(handler.taskOutcome(s, 'recuse', { withRecord: true })).toEqual({ outcome: 'recused' });
    expect(handler.taskOutcome(s, 'submit', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.taskOutcome(s, 'recuse', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.taskOutcome(s, 'acknowledge', { withRecord: true })).toEqual({ problem: 'UNKNOWN_COMMAND' });
  });

  it.each([
    ['one sheet open', [submitted, open], { complete: false }],
    ['every sheet submitted or recused', [submitted, recused, submitted], { complete: true, outcome: 'scored' }],
    ['cancelled sheets count as closed', [submitted, cancelled], { complete: true, outcome: 'scored' }],
    ['no sheets at all', [], { complete: true, outcome: 'scored' }],
  ] as const)('evaluates %s', (_name, tasks, expected) => {
    expect(handler.evaluate(stage({ table: 't', scorers: 'peers' }), [...tasks])).toEqual(expected);
  });

  it('allows recusal by default to everyone but a unit scoring itself', () => {
    expect(recusalAllowed(scoreSettingsOf(stage({ table: 't', scorers: 'self' })))).toBe(false);
    expect(recusalAllowed(scoreSettingsOf(stage({ table: 't', scorers: 'peers' })))).toBe(true);
    expect(recusalAllowed(scoreSettingsOf(stage({ table: 't', scorers: 'head', allowRecusal: false })))).toBe(false);
    expect(recusalAllowed(scoreSettingsOf(stage({ table: 't', scorers: 'self', allowRecusal: true })))).toBe(true);
  });
});
