import { EntityManager } from '@mikro-orm/core';
import { Person } from '../org/entities/person.entity';
import { Unit } from '../org/entities/unit.entity';
import type { ElectorateKind } from './entities/poll.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A voter as a refusal names it: the unit's or the person's name; the id only when there is no such unit or person. */
export async function voterName(em: EntityManager, kind: ElectorateKind, id: string): Promise<string> {
  if (!UUID.test(id)) return id;
  if (kind === 'units') return (await em.findOne(Unit, id))?.name ?? id;
  return (await em.findOne(Person, id))?.fullName ?? id;
}
