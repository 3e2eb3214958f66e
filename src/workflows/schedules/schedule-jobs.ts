/** The jobs of the `evaluation-schedules` queue. Payloads carry ids only. */
export type ScheduleJob =
  | { name: 'schedule.tick'; data: Record<string, never> }
  | { name: 'schedule.run'; data: { scheduleId: string; year: number } }
  | { name: 'schedule.launch'; data: { scheduleId: string; year: number; subjectKey: string } };

/** What a `schedule.launch` child answers its parent. */
export interface LaunchJobResult {
  subjectKey: string;
  outcome: 'launched' | 'existed' | 'failed' | 'skipped';
}

/** Deterministic job ids (BullMQ ids must not contain `:`). */
export const runJobId = (scheduleId: string, year: number) => `schedule-run-${scheduleId}-${year}`;
export const launchJobId = (scheduleId: string, year: number, subjectKey: string) => `schedule-launch-${scheduleId}-${year}-${subjectKey.replace(/:/g, '-')}`;

/** Every few minutes, and once when a worker starts: the catch-up of runs missed while no worker ran. */
export const SCHEDULE_TICK_EVERY_MS = 5 * 60_000;
