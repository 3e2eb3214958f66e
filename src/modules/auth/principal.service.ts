import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { sqlRows } from '../../database/sql-rows';
import { Mandate } from '../org/entities/mandate.entity';

/** Today as YYYY-MM-DD in Vietnam's time zone, the calendar mandates are written in. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The column of `unit` a reference names: its id when it reads as one, else its code. */
export const unitRefColumn = (unitRef: string): 'id' | 'code' => (UUID.test(unitRef) ? 'id' : 'code');

/**
 * The rule of {@link PrincipalService.validMandates} for plain statements: `from` and `where` over mandate `m` and its
 * unit `u`; its `?`s are the person, then the day twice ({@link validMandateParams}).
 */
export const VALID_MANDATES_SQL =
  'from mandate m join unit u on u.id = m.unit_id where m.person_id = ? and u.archived_at is null and m.valid_from <= ? and (m.valid_to is null or m.valid_to >= ?)';

export function validMandateParams(personId: string, day = todayInVietnam()): string[] {
  return [personId, day, day];
}

/** The columns {@link taskMandateJoin} adds to a row. */
export interface TaskMandateRow {
  assignee_unit_id: string | null;
  mandate_id: string | null;
  mandate_role: string | null;
  mandate_unit_id: string | null;
  mandate_unit_code: string | null;
  mandate_unit_name: string | null;
}

/**
 * For a statement over `task t`: the caller's valid mandate for the unit X-Acting-Unit names, else for the task's own
 * unit, as the columns of {@link TaskMandateRow} (`select` part, `join` part and its parameters, in that order). The
 * statement must keep one row: order by `v.code` and limit 1 when the header could match several.
 */
export function taskMandateJoin(personId: string, header: string | undefined): { columns: string; join: string; params: unknown[] } {
  return {
    columns: 't.assignee_unit_id, v.mandate_id, v.role as mandate_role, v.unit_id as mandate_unit_id, v.code as mandate_unit_code, v.name as mandate_unit_name',
    join: `left join (select m.id as mandate_id, m.role, u.id as unit_id, u.code, u.name ${VALID_MANDATES_SQL}) v
      on ${header ? `v.${unitRefColumn(header) === 'id' ? 'unit_id' : 'code'} = ?` : 'v.unit_id = t.assignee_unit_id'}`,
    params: [...validMandateParams(personId), ...(header ? [header] : [])],
  };
}

/** The first X-Acting-Unit header, if any. */
export const actingUnitHeader = (header: string | string[] | undefined): string | undefined => (Array.isArray(header) ? header[0] : header);

/** Who a person is, which roles they hold, and for which units they may act today. */
@Injectable()
export class PrincipalService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Loads an active person with their granted roles; throws 401 when the person is gone or archived, or when
   * `liveSession` (a refresh-token family) is given and ended. Every signed-in request asks this, so it is one plain
   * statement rather than two ORM queries and a session lookup.
   */
  async load(personId: string, liveSession?: string): Promise<Principal> {
    const session = liveSession ? ' and exists (select 1 from refresh_token r where r.family = ? and r.revoked_at is null)' : '';
    const rows = await sqlRows<{ id: string; username: string; full_name: string; role: string | null }>(
      this.em,
      `select p.id, p.username, p.full_name, g.role from person p left join role_grant g on g.person_id = p.id and g.revoked_at is null where p.id = ? and p.archived_at is null${session}`,
      liveSession ? [personId, liveSession] : [personId],
    );
    if (!rows.length) throw new AppError('TOKEN_INVALID');
    return {
      personId: rows[0].id,
      username: rows[0].username,
      fullName: rows[0].full_name,
      roles: [...new Set(rows.flatMap((row) => (row.role ? [row.role] : [])))].sort(),
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

  /**
   * The unit a caller acts for on a task, from a row read with {@link taskMandateJoin}: undefined for a person's task
   * without a header; 403 NOT_MANDATED (with the unit's name) without a valid mandate.
   */
  async actingForTaskRow(personId: string, header: string | undefined, row: TaskMandateRow): Promise<ActingFor | undefined> {
    const unitRef = header ?? row.assignee_unit_id ?? undefined;
    if (!unitRef) return undefined;
    if (!row.mandate_id) return this.resolveActingFor(personId, unitRef);
    return { unitId: row.mandate_unit_id!, unitCode: row.mandate_unit_code!, unitName: row.mandate_unit_name!, mandateId: row.mandate_id, mandateRole: row.mandate_role! };
  }

  /** Resolves "acting for unit" (by id or code) from the person's valid mandates, or throws 403 NOT_MANDATED. */
  async resolveActingFor(personId: string, unitRef: string | undefined): Promise<ActingFor> {
    if (!unitRef) throw new AppError('ACTING_UNIT_REQUIRED');
    // Before every action on a unit's behalf: one plain statement, the same rule as validMandates.
    const [mandate] = await sqlRows<{ id: string; role: string; unit_id: string; code: string; name: string }>(
      this.em,
      `select m.id, m.role, u.id as unit_id, u.code, u.name ${VALID_MANDATES_SQL} and u.${unitRefColumn(unitRef)} = ? order by u.code limit 1`,
      [...validMandateParams(personId), unitRef],
    );
    if (!mandate) throw new AppError('NOT_MANDATED', { unit: await this.unitName(unitRef) });
    return { unitId: mandate.unit_id, unitCode: mandate.code, unitName: mandate.name, mandateId: mandate.id, mandateRole: mandate.role };
  }

  /** The unit a refusal names: by its name when the reference (id or code) finds one, else as it was given. */
  private async unitName(unitRef: string): Promise<string> {
    const [unit] = await sqlRows<{ name: string }>(this.em, `select name from unit where ${unitRefColumn(unitRef)} = ?`, [unitRef]);
    return unit?.name ?? unitRef;
  }
}
