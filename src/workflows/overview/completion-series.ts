/** Tasks assigned and completed on one day (Vietnam), as the database groups them. */
export interface DayCounts {
  day: string;
  assigned: number;
  completed: number;
}

/** Past this many days the series keeps only the days something happened, rather than one point per calendar day. */
export const MAX_FILLED_DAYS = 800;

const DAY_MS = 86_400_000;
const addDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Running totals, one point per calendar day from the first day with a change to the last (so that a line drawn over
 * them shows time evenly), each day carrying what was assigned and completed up to its end.
 */
export function cumulativeSeries(days: DayCounts[]): DayCounts[] {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  if (!sorted.length) return [];
  const first = sorted[0].day;
  const last = sorted[sorted.length - 1].day;
  const span = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS) + 1;
  const byDay = new Map<string, DayCounts>();
  for (const entry of sorted) {
    const known = byDay.get(entry.day);
    byDay.set(entry.day, { day: entry.day, assigned: (known?.assigned ?? 0) + entry.assigned, completed: (known?.completed ?? 0) + entry.completed });
  }
  const calendar: string[] = [];
  if (span <= MAX_FILLED_DAYS) for (let day = first; calendar.length < span; day = addDay(day)) calendar.push(day);
  else calendar.push(...byDay.keys());
  let assigned = 0;
  let completed = 0;
  return calendar.map((day) => {
    assigned += byDay.get(day)?.assigned ?? 0;
    completed += byDay.get(day)?.completed ?? 0;
    return { day, assigned, completed };
  });
}
