import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Mandate } from '../org/entities/mandate.entity';
import { Person } from '../org/entities/person.entity';
import { RoleGrant } from '../org/entities/role-grant.entity';

/** Today as YYYY-MM-DD in Vietnam's time zone, the calendar mandates are written in. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who a person is, which roles they hold, and for which units they may act today. */
@Injectable()
export class PrincipalService {
  constructor(private readonly em: EntityManager) {}

  /** Loads an active person with their granted roles; throws 401 when the person is gone or archived. */
  async load(personId: string): Promise<Principal> {
    const em = this.em.fork();
    const person = await em.findOne(Person, { id: personId, archivedAt: null });
    if (!person) throw new AppError('TOKEN_INVALID');
    const grants = await em.find(RoleGrant, { person: personId, revokedAt: null });
    return {
      personId: person.id,
      username: person.username,
      fullName: person.fullName,
      roles: [...new Set(grants.map((g) => g.role))].sort(),
    };
  }

  /** The person's mandates valid on `day`, with their units. */
  async validMandates(personId: string, day = todayInVietnam()): Promise<Mandate[]> {
    return this.em.fork().find(
      Mandate,
      { person: personId, validFrom: { $lte: day }, $or: [{ validTo: null }, { validTo: { $gte: day } }], unit: { archivedAt: null } },
      { populate: ['unit'], orderBy: { unit: { code: 'asc' } } },
    );
  }

  /** Every unit the person may act for today, as "acting for" records (ordered by unit code). */
  async actingForAll(personId: string): Promise<ActingFor[]> {
    return (await this.validMandates(personId)).map((mandate) => ({
      unitId: mandate.unit.id,
      unitCode: mandate.unit.code,
      unitName: mandate.unit.name,
      mandateId: mandate.id,
      mandateRole: mandate.role,
    }));
  }

  /** Resolves "acting for unit" (by id or code) from the person's valid mandates, or throws 403 NOT_MANDATED. */
  async resolveActingFor(personId: string, unitRef: string | undefined): Promise<ActingFor> {
    if (!unitRef) throw new AppError('ACTING_UNIT_REQUIRED');
    const mandates = await this.validMandates(personId);
    const byId = UUID.test(unitRef);
    const mandate = mandates.find((m) => (byId ? m.unit.id === unitRef : m.unit.code === unitRef));
    if (!mandate) throw new AppError('NOT_MANDATED', { unit: unitRef });
    return {
      unitId: mandate.unit.id,
      unitCode: mandate.unit.code,
      unitName: mandate.unit.name,
      mandateId: mandate.id,
      mandateRole: mandate.role,
    };
  }
}
