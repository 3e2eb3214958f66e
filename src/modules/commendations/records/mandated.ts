import { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../../common/auth/principal';
import { todayInVietnam } from '../../auth/principal.service';
import { Mandate } from '../../org/entities/mandate.entity';
import { Unit } from '../../org/entities/unit.entity';

/** Roles that read every unit's records, eligibility and proposals. */
export const EVERY_UNIT_ROLES = ['admin', 'council-member', 'secretary'];

/** Roles that put matters to the councils and record their decisions: the councils' secretary and administrators. */
export const COUNCIL_SECRETARY_ROLES = ['admin', 'secretary'];

/** Whether the person may put matters to a council and record its decisions (COUNCIL_SECRETARY_ROLES). */
export const actsAsCouncilSecretary = (person: Principal): boolean => COUNCIL_SECRETARY_ROLES.some((role) => person.roles.includes(role));

const validToday = () => {
  const day = todayInVietnam();
  return { validFrom: { $lte: day }, $or: [{ validTo: null }, { validTo: { $gte: day } }] };
};

/** Whether the person holds, today, a mandate for any of the units. */
export async function mandatedFor(em: EntityManager, personId: string, unitIds: string[]): Promise<boolean> {
  if (!unitIds.length) return false;
  return (await em.count(Mandate, { person: personId, unit: { $in: unitIds }, ...validToday() })) > 0;
}

/** The units the person holds a mandate for today, each once. */
export async function mandatedUnits(em: EntityManager, personId: string): Promise<Unit[]> {
  const mandates = await em.find(Mandate, { person: personId, ...validToday() }, { populate: ['unit'] });
  return [...new Map(mandates.map((mandate) => [mandate.unit.id, mandate.unit])).values()];
}
