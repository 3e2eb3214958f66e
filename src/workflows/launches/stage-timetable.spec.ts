import { WorkingCalendar } from '../../modules/calendar/working-calendar';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { stageTimetable } from './stage-timetable';

const document: WorkflowDocument = {
  name: 'Giao ước',
  start: 'draft',
  stages: {
    draft: { type: 'form', due: { workingDays: 2 }, reminders: [{ before: { workingDays: 1 } }], on: { submitted: 'vote' } },
    vote: { type: 'vote', due: { days: 3 }, on: { passed: 'sign', failed: 'draft' } },
    sign: { type: 'sign', on: { signed: 'done', declined: 'draft' } },
    done: { type: 'end' },
  },
};

const day = (instant: Date | null) => instant && new Date(instant.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 16);

describe('stageTimetable', () => {
  const calendar = new WorkingCalendar([]);
  // Friday 2026-12-04, 09:00 in Vietnam.
  const launchAt = new Date('2026-12-04T02:00:00Z');

  it('follows the first outcome of each stage, each stage starting when the previous one is due', () => {
    const rows = stageTimetable(document, launchAt, calendar, 2026);
    expect(rows.map((r) => [r.stageKey, day(r.startsAt), day(r.dueAt)])).toEqual([
      // Two working days from a Friday: Monday, then Tuesday (the weekend does not count).
      ['draft', '2026-12-04T09:00', '2026-12-08T23:59'],
      ['vote', '2026-12-08T23:59', '2026-12-11T23:59'],
      // No due rule: the next stage starts with it.
      ['sign', '2026-12-11T23:59', null],
      ['done', '2026-12-11T23:59', null],
    ]);
    // One working day before Tuesday's end: Monday at 08:00.
    expect(rows[0].reminders.map(day)).toEqual(['2026-12-07T08:00']);
  });

  it('stops at a stage already on the path instead of looping', () => {
    const loop: WorkflowDocument = { name: 'x', start: 'a', stages: { a: { type: 'acknowledge', on: { acknowledged: 'b' } }, b: { type: 'acknowledge', on: { acknowledged: 'a' } } } };
    expect(stageTimetable(loop, launchAt, calendar, 2026).map((r) => r.stageKey)).toEqual(['a', 'b']);
  });

  it('counts working days around days off of the calendar', () => {
    const holiday = new WorkingCalendar([{ date: '2026-12-07', kind: 'day-off' }]);
    expect(day(stageTimetable(document, launchAt, holiday, 2026)[0].dueAt)).toBe('2026-12-09T23:59');
  });
});
