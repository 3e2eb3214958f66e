import type { StageDefinition } from '../../definitions/workflow-document';
import { FormStage } from './form.stage';

const stage = (settings: Record<string, unknown>): StageDefinition => ({ type: 'form', settings, on: { submitted: 'done' } }) as StageDefinition;
const done = { status: 'done' as const, outcome: 'submitted' };
const open = { status: 'open' as const, outcome: null };

describe('FormStage', () => {
  const handler = new FormStage();

  it('checks the settings shape, not whether the form exists', () => {
    expect(handler.validate(stage({ form: 'pact/title-registration', completion: 'quorum', quorum: { numerator: 2, denominator: 3 }, acceptLate: false }))).toEqual([]);
    const codes = handler.validate(stage({ form: 'Not a key', acceptLate: 'no', completion: 'most', colour: 'red' })).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(
      expect.arrayContaining(['SETTING_INVALID settings.form', 'SETTING_INVALID settings.acceptLate', 'SETTING_INVALID settings.completion', 'SETTING_UNKNOWN settings.colour']),
    );
    expect(handler.validate(stage({})).map((p) => p.path)).toEqual(['settings.form']);
  });

  it('takes "submit" only with a recorded submission', () => {
    expect(handler.taskOutcome(stage({ form: 'a/b' }), 'submit', { withRecord: true })).toEqual({ outcome: 'submitted' });
    expect(handler.taskOutcome(stage({ form: 'a/b' }), 'submit', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.taskOutcome(stage({ form: 'a/b' }), 'acknowledge', { withRecord: true })).toEqual({ problem: 'UNKNOWN_COMMAND' });
  });

  it('completes with all, any or an exact quorum of submissions', () => {
    expect(handler.evaluate(stage({ form: 'a/b' }), [done, open])).toEqual({ complete: false });
    expect(handler.evaluate(stage({ form: 'a/b' }), [done, done])).toEqual({ complete: true, outcome: 'submitted' });
    expect(handler.evaluate(stage({ form: 'a/b', completion: 'any' }), [done, open])).toEqual({ complete: true, outcome: 'submitted' });
    const twoThirds = stage({ form: 'a/b', completion: 'quorum', quorum: { numerator: 2, denominator: 3 } });
    expect(handler.evaluate(twoThirds, [done, open, open])).toEqual({ complete: false });
    expect(handler.evaluate(twoThirds, [done, done, open])).toEqual({ complete: true, outcome: 'submitted' });
  });

  it('with review, counts accepted submissions only, and names its reviewers', () => {
    const reviewed = stage({ form: 'a/b', review: { by: ['cluster-head', { unit: 'VKS-THA' }] } });
    const accepted = { status: 'done' as const, outcome: 'accepted' };
    expect(handler.validate(reviewed)).toEqual([]);
    expect(handler.reviewers(reviewed)).toEqual(['cluster-head', { unit: 'VKS-THA' }]);
    expect(handler.reviewers(stage({ form: 'a/b' }))).toBeUndefined();
    expect(handler.evaluate(reviewed, [done, accepted])).toEqual({ complete: false });
    expect(handler.evaluate(reviewed, [accepted, accepted])).toEqual({ complete: true, outcome: 'submitted' });
    for (const review of [{ by: [] }, { by: ['nobody'] }, { by: ['cluster-head'], extra: 1 }, ['cluster-head'], { by: [{ unit: 1 }] }]) {
      expect(handler.validate(stage({ form: 'a/b', review })).map((p) => p.path)).toEqual(['settings.review']);
    }
  });
});
