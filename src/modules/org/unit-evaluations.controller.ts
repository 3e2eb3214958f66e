import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { IdParams } from './dto/dto-helpers';
import { SetUnitEvaluationDto, UnitEvaluationDto, UnitEvaluationParams } from './dto/unit-evaluation.dto';
import { UnitEvaluationsService } from './unit-evaluations.service';

/** Evaluated-or-not per unit and year: a unit not evaluated in year N cannot lead a cluster in year N+1. */
@ApiTags('org')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/units/:id/evaluations')
export class UnitEvaluationsController {
  constructor(private readonly evaluations: UnitEvaluationsService) {}

  /** A unit’s recorded results by year (used for the “evaluated last year” rule of cluster heads). */
  @Get()
  @ApiOkResponse({ type: [UnitEvaluationDto] })
  list(@Param() { id }: IdParams): Promise<UnitEvaluationDto[]> {
    return this.evaluations.list(id);
  }

  /** Records or replaces a unit’s result for a year. */
  @Put(':year')
  @ApiOkResponse({ type: UnitEvaluationDto })
  set(@Param() { id, year }: UnitEvaluationParams, @Body() body: SetUnitEvaluationDto): Promise<UnitEvaluationDto> {
    return this.evaluations.set(id, year, body.evaluated);
  }
}
