import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { UnitEvaluation } from '../entities/unit-evaluation.entity';

export class UnitEvaluationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ example: 2019 })
  @Type(() => Number) @IsInt() @Min(1945) @Max(2200)
  year!: number;
}

export class SetUnitEvaluationDto {
  @ApiProperty({ description: 'Whether the unit was evaluated and graded that year' })
  @IsBoolean()
  evaluated!: boolean;
}

export class UnitEvaluationDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() evaluated!: boolean;
  @ApiProperty() updatedAt!: Date;

  static from(evaluation: UnitEvaluation): UnitEvaluationDto {
    return { unitId: evaluation.unit.id, year: evaluation.year, evaluated: evaluation.evaluated, updatedAt: evaluation.updatedAt };
  }
}
