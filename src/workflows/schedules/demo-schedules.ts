import { EntityManager } from '@mikro-orm/core';
import { Person } from '../../modules/org/entities/person.entity';
import { ensureLaunchSchedule } from './launch-schedules.service';
import { ADMIN, CLUSTER } from '../../demo/demo-units';

/** What the demo schedules, for the cluster's year: the mid-year reports and the year-end evaluation. */
export const DEMO_SCHEDULES = [
  { workflowKey: 'cluster-reporting', date: '--06-01', nameTemplate: 'Báo cáo sơ kết 6 tháng năm {year} — {subject}' },
  { workflowKey: 'cluster-year-end', date: '--11-15', nameTemplate: 'Tổng kết, chấm điểm, xếp hạng năm {year} — {subject}' },
] as const;

/**
 * Schedules the built-in `cluster-reporting` and `cluster-year-end` workflows for every active cluster of the demo
 * year, on the first working day on or after their date (idempotent). Run by `setup` after the built-in workflows
 * and the demo data, never by the test apps' seed: the demo year has passed, so the first worker start catches
 * the runs up and launches both campaigns at once.
 */
export async function ensureDemoSchedules(em: EntityManager): Promise<string[]> {
  const admin = await em.findOneOrFail(Person, { username: ADMIN.username });
  const lines: string[] = [];
  for (const schedule of DEMO_SCHEDULES) {
    await ensureLaunchSchedule(em, { ...schedule, year: CLUSTER.year, subjectKind: 'every-active-cluster', shift: 'next-working-day', createdBy: admin });
    lines.push(`  ${schedule.workflowKey}: ${schedule.date.slice(2).split('-').reverse().join('/')}/${CLUSTER.year} (ngày làm việc đầu tiên từ ngày này / first working day from this date)`);
  }
  return lines;
}
