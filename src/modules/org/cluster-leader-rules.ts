import { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../common/errors/app-error';
import { UnitEvaluation } from './entities/unit-evaluation.entity';
import { Unit } from './entities/unit.entity';

export interface ClusterLeaders {
  year: number;
  memberIds: ReadonlySet<string>;
  head: Unit | null;
  deputy: Unit | null;
}

/**
 * The head (cụm trưởng) and deputy (cụm phó) are two different members, and neither may be a
 * unit recorded as not evaluated in the year before. A unit with no record for that year is allowed.
 */
export async function assertClusterLeaders(em: EntityManager, { year, memberIds, head, deputy }: ClusterLeaders): Promise<void> {
  const leaders = [head, deputy].filter((unit): unit is Unit => unit !== null);
  if (leaders.some((unit) => !memberIds.has(unit.id))) throw new AppError('CLUSTER_LEADER_NOT_MEMBER');
  if (head && deputy && head.id === deputy.id) throw new AppError('CLUSTER_LEADER_SAME_UNIT');
  if (leaders.length === 0) return;
  const notEvaluated = await em.find(UnitEvaluation, { unit: { $in: leaders.map((u) => u.id) }, year: year - 1, evaluated: false });
  const offender = leaders.find((unit) => notEvaluated.some((evaluation) => evaluation.unit.id === unit.id));
  if (offender) throw new AppError('CLUSTER_LEADER_NOT_EVALUATED', { unit: offender.name, year: year - 1 }, { unitId: offender.id, year: year - 1 });
}
