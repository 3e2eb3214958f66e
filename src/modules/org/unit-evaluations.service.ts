import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { UnitEvaluationDto } from './dto/unit-evaluation.dto';
import { UnitEvaluation } from './entities/unit-evaluation.entity';
import { Unit } from './entities/unit.entity';

/** Records whether a unit was evaluated (đánh giá, xếp loại) in a year. */
@Injectable()
export class UnitEvaluationsService {
  constructor(private readonly em: EntityManager) {}

  async list(unitId: string): Promise<UnitEvaluationDto[]> {
    await this.unit(unitId);
    const evaluations = await this.em.find(UnitEvaluation, { unit: unitId }, { orderBy: { year: 'desc' } });
    return evaluations.map(UnitEvaluationDto.from);
  }

  /** Every unit's record of one year, by unit id: the cluster pages show it beside each unit (one query, not one a unit). */
  async ofYear(year: number): Promise<Map<string, boolean>> {
    const evaluations = await this.em.find(UnitEvaluation, { year });
    return new Map(evaluations.map((evaluation) => [evaluation.unit.id, evaluation.evaluated]));
  }

  /** Upsert keyed by (unit, year); two concurrent first writes meet the unique constraint and the loser updates. */
  async set(unitId: string, year: number, evaluated: boolean): Promise<UnitEvaluationDto> {
    const unit = await this.unit(unitId);
    try {
      return await this.write(this.em.fork(), unit.id, year, evaluated);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return this.write(this.em.fork(), unit.id, year, evaluated);
    }
  }

  private async write(em: EntityManager, unitId: string, year: number, evaluated: boolean): Promise<UnitEvaluationDto> {
    const existing = await em.findOne(UnitEvaluation, { unit: unitId, year });
    const evaluation = existing ?? em.create(UnitEvaluation, { unit: em.getReference(Unit, unitId), year, evaluated });
    evaluation.evaluated = evaluated;
    await em.flush();
    return UnitEvaluationDto.from(evaluation);
  }

  private async unit(id: string): Promise<Unit> {
    const unit = await this.em.findOne(Unit, { id });
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id });
    return unit;
  }
}
