import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { CreateMandateDto, MandateDto, MandateListQueryDto, MandatePageDto } from './dto/mandate.dto';
import { Mandate } from './entities/mandate.entity';
import { Person } from './entities/person.entity';
import { Unit } from './entities/unit.entity';

/** Mandates (ủy quyền): person P may act for unit U in a role between two days. Ended, never deleted. */
@Injectable()
export class MandatesService {
  constructor(private readonly em: EntityManager) {}

  async list(query: MandateListQueryDto): Promise<MandatePageDto> {
    const where: FilterQuery<Mandate> = {
      ...(query.personId ? { person: query.personId } : {}),
      ...(query.unitId ? { unit: query.unitId } : {}),
      // Days are YYYY-MM-DD strings, so text comparison is date order.
      ...(query.validOn ? { validFrom: { $lte: query.validOn }, $or: [{ validTo: null }, { validTo: { $gte: query.validOn } }] } : {}),
    };
    const [mandates, total] = await this.em.findAndCount(Mandate, where, {
      populate: ['person', 'unit'],
      orderBy: { unit: { code: 'asc' }, person: { username: 'asc' }, validFrom: 'asc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: mandates.map(MandateDto.from), total };
  }

  async get(id: string): Promise<MandateDto> {
    return MandateDto.from(await this.find(id));
  }

  async create(body: CreateMandateDto): Promise<MandateDto> {
    assertDates(body.validFrom, body.validTo ?? null);
    const person = await this.em.findOne(Person, { id: body.personId });
    if (!person) throw new AppError('PERSON_NOT_FOUND', { id: body.personId });
    if (person.archivedAt) throw new AppError('PERSON_ARCHIVED', { person: person.fullName, username: person.username });
    const unit = await this.em.findOne(Unit, { id: body.unitId });
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: body.unitId });
    if (unit.archivedAt) throw new AppError('UNIT_ARCHIVED', { unit: unit.name, code: unit.code });
    const mandate = this.em.create(Mandate, { person, unit, role: body.role, validFrom: body.validFrom, validTo: body.validTo ?? null });
    await this.em.flush();
    return MandateDto.from(mandate);
  }

  /** Sets or clears the last valid day; `end` is the same with a required day. */
  async setValidTo(id: string, validTo: string | null): Promise<MandateDto> {
    const mandate = await this.find(id);
    assertDates(mandate.validFrom, validTo);
    mandate.validTo = validTo;
    await this.em.flush();
    return MandateDto.from(mandate);
  }

  private async find(id: string): Promise<Mandate> {
    const mandate = await this.em.findOne(Mandate, { id }, { populate: ['person', 'unit'] });
    if (!mandate) throw new AppError('MANDATE_NOT_FOUND', { id });
    return mandate;
  }
}

/** A mandate may last a single day (validTo = validFrom) but never end before it starts. */
export function assertDates(validFrom: string, validTo: string | null): void {
  if (validTo !== null && validTo < validFrom) throw new AppError('MANDATE_DATES_INVALID', { validFrom, validTo }, { validFrom, validTo });
}
