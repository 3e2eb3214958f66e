import type { WorkingCalendar } from '../../modules/calendar/working-calendar';
import { StageDefinition, Transition, transitionsOf, WorkflowDocument } from '../definitions/workflow-document';
import { dueAt, reminderAt } from '../engine/due-date';

/** One stage on a campaign's main path as the launch wizard shows it. */
export interface TimetableRow {
  stageKey: string;
  type: string;
  /** The earliest the stage can start: when the previous one is due at the latest (or the launch for the first). */
  startsAt: Date;
  dueAt: Date | null;
  reminders: Date[];
}

/**
 * The dates each stage of the workflow's main path would get if every stage used its full time: the path follows the
 * first outcome each stage declares (the outcome the author wrote first, e.g. "passed" before "failed"), from the start
 * to an end or to a stage already on the path. Stages without a due rule start the next one at their own start.
 */
export function stageTimetable(document: WorkflowDocument, launchAt: Date, calendar: WorkingCalendar, campaignYear: number): TimetableRow[] {
  const rows: TimetableRow[] = [];
  const seen = new Set<string>();
  let at = launchAt;
  for (let key: string | undefined = document.start; key && !seen.has(key); ) {
    seen.add(key);
    const stage: StageDefinition | undefined = document.stages[key];
    if (!stage) break;
    const due = stage.due ? dueAt(stage.due, at, calendar, campaignYear) : null;
    const reminders = due ? (stage.reminders ?? []).map((r) => reminderAt(r.before, due, calendar)).filter((d): d is Date => d !== null) : [];
    rows.push({ stageKey: key, type: stage.type, startsAt: at, dueAt: due, reminders });
    if (due) at = due;
    const first: string | Transition | Transition[] | undefined = Object.values(stage.on ?? {})[0];
    key = transitionsOf(first)[0]?.to;
  }
  return rows;
}
