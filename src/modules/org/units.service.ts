import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { CreateUnitDto, UnitDto, UnitListQueryDto, UnitPageDto, UpdateUnitDto } from './dto/unit.dto';
import { Unit } from './entities/unit.entity';
import { containsText } from './org-search';
import { onUniqueViolation } from './unique-violation';

/** Units (đơn vị) and their hierarchy; archived instead of deleted, since campaigns keep referring to them. */
@Injectable()
export class UnitsService {
  constructor(private readonly em: EntityManager) {}

  async list(query: UnitListQueryDto): Promise<UnitPageDto> {
    const where: FilterQuery<Unit> = {
      ...(query.includeArchived ? {} : { archivedAt: null }),
      ...(query.parentId ? { parent: query.parentId } : {}),
      ...containsText(query.q, ['code', 'name']),
    };
    const [units, total] = await this.em.findAndCount(Unit, where, {
      populate: ['parent'],
      orderBy: { code: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: units.map(UnitDto.from), total };
  }

  async get(id: string): Promise<UnitDto> {
    return UnitDto.from(await this.find(id));
  }

  async create(body: CreateUnitDto): Promise<UnitDto> {
    const parent = body.parentId ? await this.activeParent(body.parentId) : null;
    const unit = this.em.create(Unit, { code: body.code, name: body.name, shortName: body.shortName ?? null, parent });
    await this.flushUnit(unit);
    return UnitDto.from(unit);
  }

  async update(id: string, body: UpdateUnitDto): Promise<UnitDto> {
    const unit = await this.find(id);
    if (unit.archivedAt) throw new AppError('UNIT_ARCHIVED', { unit: unit.name, code: unit.code });
    if (body.parentId !== undefined) unit.parent = body.parentId === null ? null : await this.parentWithoutCycle(unit, body.parentId);
    if (body.code !== undefined) unit.code = body.code;
    if (body.name !== undefined) unit.name = body.name;
    if (body.shortName !== undefined) unit.shortName = body.shortName;
    await this.flushUnit(unit);
    return UnitDto.from(unit);
  }

  /** Archiving keeps the row and its history; a unit with active children would leave them under an archived parent. */
  async archive(id: string): Promise<UnitDto> {
    const unit = await this.find(id);
    if (!unit.archivedAt) {
      const children = await this.em.count(Unit, { parent: unit, archivedAt: null });
      if (children > 0) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN', { unit: unit.name, code: unit.code, count: children });
      unit.archivedAt = new Date();
      await this.em.flush();
    }
    return UnitDto.from(unit);
  }

  async restore(id: string): Promise<UnitDto> {
    const unit = await this.find(id);
    if (unit.parent?.archivedAt) throw new AppError('UNIT_ARCHIVED', { unit: unit.parent.name, code: unit.parent.code });
    unit.archivedAt = null;
    await this.em.flush();
    return UnitDto.from(unit);
  }

  private async find(id: string): Promise<Unit> {
    const unit = await this.em.findOne(Unit, { id }, { populate: ['parent'] });
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id });
    return unit;
  }

  private async activeParent(parentId: string): Promise<Unit> {
    const parent = await this.find(parentId);
    if (parent.archivedAt) throw new AppError('UNIT_ARCHIVED', { unit: parent.name, code: parent.code });
    return parent;
  }

  /** Walks up from the new parent: meeting the unit itself means the move would close a loop. */
  private async parentWithoutCycle(unit: Unit, parentId: string): Promise<Unit> {
    const parent = await this.activeParent(parentId);
    const seen = new Set<string>();
    for (let ancestor: Unit | null = parent; ancestor; ancestor = ancestor.parent) {
      if (ancestor.id === unit.id) throw new AppError('UNIT_PARENT_CYCLE');
      if (seen.has(ancestor.id)) break; // an existing loop in old data; do not spin
      seen.add(ancestor.id);
      if (ancestor.parent) await this.em.populate(ancestor, ['parent']);
    }
    return parent;
  }

  private flushUnit(unit: Unit): Promise<void> {
    return onUniqueViolation(
      () => this.em.flush(),
      () => {
        // Leave the failed insert out of the request's unit of work.
        this.em.clear();
        return new AppError('UNIT_CODE_TAKEN', { code: unit.code });
      },
    );
  }
}
