import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { roleName } from '../../common/auth/role-names';
import { AppError } from '../../common/errors/app-error';
import { Text } from '../../common/i18n/language';
import { CreateRoleGrantDto, RoleGrantDto, RoleGrantListQueryDto, RoleGrantPageDto } from './dto/role-grant.dto';
import { Person } from './entities/person.entity';
import { RoleGrant } from './entities/role-grant.entity';
import { Unit } from './entities/unit.entity';

/** Where a grant holds, in words: within a unit, or everywhere. */
const scopeInWords = (unit: Unit | null): Text =>
  unit ? { vi: `tại ${unit.name}`, en: `within ${unit.name}` } : { vi: 'trên toàn hệ thống', en: 'everywhere' };

/** Granted roles (admin, council member, secretary); revoked, never deleted, so that who-could-do-what stays on record. */
@Injectable()
export class RoleGrantsService {
  constructor(private readonly em: EntityManager) {}

  async list(query: RoleGrantListQueryDto): Promise<RoleGrantPageDto> {
    const where: FilterQuery<RoleGrant> = {
      ...(query.includeRevoked ? {} : { revokedAt: null }),
      ...(query.personId ? { person: query.personId } : {}),
    };
    const [grants, total] = await this.em.findAndCount(RoleGrant, where, {
      populate: ['person', 'scopeUnit', 'grantedBy'],
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: grants.map(RoleGrantDto.from), total };
  }

  /** A second active grant of the same role and scope would change nothing, so it is refused. `grantedById`: who grants it. */
  async create(body: CreateRoleGrantDto, grantedById?: string): Promise<RoleGrantDto> {
    const person = await this.em.findOne(Person, { id: body.personId });
    if (!person) throw new AppError('PERSON_NOT_FOUND', { id: body.personId });
    if (person.archivedAt) throw new AppError('PERSON_ARCHIVED', { person: person.fullName, username: person.username });
    let scopeUnit: Unit | null = null;
    if (body.scopeUnitId) {
      scopeUnit = await this.em.findOne(Unit, { id: body.scopeUnitId });
      if (!scopeUnit) throw new AppError('UNIT_NOT_FOUND', { id: body.scopeUnitId });
      if (scopeUnit.archivedAt) throw new AppError('UNIT_ARCHIVED', { unit: scopeUnit.name, code: scopeUnit.code });
    }
    const same = await this.em.count(RoleGrant, { person, role: body.role, scopeUnit, revokedAt: null });
    if (same > 0) throw new AppError('ROLE_GRANT_EXISTS', { person: person.fullName, role: roleName(body.role), scope: scopeInWords(scopeUnit) });
    const grantedBy = grantedById ? await this.em.findOne(Person, { id: grantedById }) : null;
    const grant = this.em.create(RoleGrant, { person, role: body.role, scopeUnit, grantedBy });
    await this.em.flush();
    return RoleGrantDto.from(grant);
  }

  async revoke(id: string): Promise<RoleGrantDto> {
    const grant = await this.em.findOne(RoleGrant, { id }, { populate: ['person', 'scopeUnit', 'grantedBy'] });
    if (!grant) throw new AppError('ROLE_GRANT_NOT_FOUND', { id });
    if (!grant.revokedAt) {
      if (grant.role === 'admin') await this.assertNotLastAdmin(grant.person.id, grant.id);
      grant.revokedAt = new Date();
      await this.em.flush();
    }
    return RoleGrantDto.from(grant);
  }

  /**
   * Refuses a change that would leave no active administrator (nobody could then manage the
   * organisation). `exceptGrantId` narrows it to one grant being revoked; otherwise all of the person's.
   */
  async assertNotLastAdmin(personId: string, exceptGrantId?: string): Promise<void> {
    const others = await this.em.count(RoleGrant, {
      role: 'admin',
      revokedAt: null,
      person: { archivedAt: null },
      ...(exceptGrantId ? { id: { $ne: exceptGrantId } } : { person: { archivedAt: null, id: { $ne: personId } } }),
    });
    if (others > 0) return;
    const held = await this.em.count(RoleGrant, { role: 'admin', revokedAt: null, person: personId });
    if (held > 0) throw new AppError('LAST_ADMIN');
  }
}
