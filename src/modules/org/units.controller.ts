import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdParams } from './dto/dto-helpers';
import { CreateUnitDto, UnitDto, UnitListQueryDto, UnitPageDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('org')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** Units ordered by code; archived ones only with `includeArchived=true`. */
  @Get()
  @ApiOkResponse({ type: UnitPageDto })
  list(@Query() query: UnitListQueryDto): Promise<UnitPageDto> {
    return this.units.list(query);
  }

  /** Creates a unit under its parent unit. */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: UnitDto })
  create(@Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(body);
  }

  /** One unit with its parent and code. */
  @Get(':id')
  @ApiOkResponse({ type: UnitDto })
  get(@Param() { id }: IdParams): Promise<UnitDto> {
    return this.units.get(id);
  }

  /** Changes code, names or parent; a parent inside the unit's own subtree is refused (UNIT_PARENT_CYCLE). */
  @Patch(':id')
  @ApiOkResponse({ type: UnitDto })
  update(@Param() { id }: IdParams, @Body() body: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(id, body);
  }

  /** Units are never deleted: archiving hides them from lists and from new mandates and clusters. */
  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: UnitDto })
  archive(@Param() { id }: IdParams): Promise<UnitDto> {
    return this.units.archive(id);
  }

  /** Restores an archived unit. */
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: UnitDto })
  restore(@Param() { id }: IdParams): Promise<UnitDto> {
    return this.units.restore(id);
  }
}
