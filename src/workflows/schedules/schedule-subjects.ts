import { EntityManager } from '@mikro-orm/core';
import { Cluster } from '../../modules/org/entities/cluster.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import type { LaunchSchedule } from './entities/launch-schedule.entity';

/**
 * Unit types a `units-of-type` schedule can name. Units carry no type column yet, so a unit's type is its level under
 * the top of the hierarchy (Supreme Procuracy → provincial → district): 1 is `provincial`, 2 is `district`.
 */
export const UNIT_TYPES = ['provincial', 'district'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
const LEVEL_OF_TYPE: Record<UnitType, number> = { provincial: 1, district: 2 };

/** One subject a schedule launches for. `key`: `cluster:<id>` or `unit:<id>`. */
export interface ScheduleSubject {
  key: string;
  kind: 'cluster' | 'unit';
  id: string;
  name: string;
}

export const subjectKeyOf = (kind: 'cluster' | 'unit', id: string) => `${kind}:${id}`;

/** `cluster:<id>` → its kind and id; null for anything else. */
export function parseSubjectKey(key: string): { kind: 'cluster' | 'unit'; id: string } | null {
  const match = /^(cluster|unit):([0-9a-f-]{36})$/i.exec(key);
  return match ? { kind: match[1] as 'cluster' | 'unit', id: match[2] } : null;
}

/** The level of each unit id under the top of the hierarchy (a unit without parent is 0). */
export function unitLevels(units: Array<{ id: string; parentId: string | null }>): Map<string, number> {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const levels = new Map<string, number>();
  for (const unit of units) {
    let level = 0;
    // Bounded: a cycle in bad data must not hang the tick.
    for (let parent = unit.parentId; parent && level <= units.length; parent = parentOf.get(parent) ?? null) level++;
    levels.set(unit.id, level);
  }
  return levels;
}

/** The subjects of a schedule now: the year's non-archived clusters, or the non-archived units of its type; ordered by name. */
export async function scheduleSubjects(em: EntityManager, schedule: Pick<LaunchSchedule, 'subjectKind' | 'year' | 'unitType'>): Promise<ScheduleSubject[]> {
  if (schedule.subjectKind === 'every-active-cluster') {
    const clusters = await em.find(Cluster, { year: schedule.year, archivedAt: null }, { orderBy: { name: 'asc' } });
    return clusters.map((c) => ({ key: subjectKeyOf('cluster', c.id), kind: 'cluster', id: c.id, name: c.name }));
  }
  const level = LEVEL_OF_TYPE[schedule.unitType as UnitType];
  if (level === undefined) return [];
  const all = await em.find(Unit, {}, { fields: ['id', 'name', 'parent', 'archivedAt'], orderBy: { name: 'asc' } });
  const levels = unitLevels(all.map((u) => ({ id: u.id, parentId: u.parent?.id ?? null })));
  return all
    .filter((u) => !u.archivedAt && levels.get(u.id) === level)
    .map((u) => ({ key: subjectKeyOf('unit', u.id), kind: 'unit', id: u.id, name: u.name }));
}

/** The names of subjects by key (also of archived ones), for pages and run lists. */
export async function subjectNames(em: EntityManager, keys: string[]): Promise<Map<string, string>> {
  const parsed = keys.map(parseSubjectKey).filter((k): k is NonNullable<typeof k> => k !== null);
  const clusterIds = parsed.filter((k) => k.kind === 'cluster').map((k) => k.id);
  const unitIds = parsed.filter((k) => k.kind === 'unit').map((k) => k.id);
  const names = new Map<string, string>();
  if (clusterIds.length) for (const c of await em.find(Cluster, { id: { $in: clusterIds } })) names.set(subjectKeyOf('cluster', c.id), `${c.name} (${c.year})`);
  if (unitIds.length) for (const u of await em.find(Unit, { id: { $in: unitIds } })) names.set(subjectKeyOf('unit', u.id), u.name);
  return names;
}
