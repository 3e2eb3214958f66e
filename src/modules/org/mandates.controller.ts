import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdParams } from './dto/dto-helpers';
import { CreateMandateDto, EndMandateDto, MandateDto, MandateListQueryDto, MandatePageDto, UpdateMandateDto } from './dto/mandate.dto';
import { MandatesService } from './mandates.service';

@ApiTags('org')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/mandates')
export class MandatesController {
  constructor(private readonly mandates: MandatesService) {}

  /** Filter by person, unit, and the day on which they are valid (`validOn=YYYY-MM-DD`). */
  @Get()
  @ApiOkResponse({ type: MandatePageDto })
  list(@Query() query: MandateListQueryDto): Promise<MandatePageDto> {
    return this.mandates.list(query);
  }

  /** validTo ≥ validFrom (MANDATE_DATES_INVALID); the unit must not be archived (UNIT_ARCHIVED). */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: MandateDto })
  create(@Body() body: CreateMandateDto): Promise<MandateDto> {
    return this.mandates.create(body);
  }

  /** One mandate: who may act for which unit, from when until when. */
  @Get(':id')
  @ApiOkResponse({ type: MandateDto })
  get(@Param() { id }: IdParams): Promise<MandateDto> {
    return this.mandates.get(id);
  }

  /** Only the last valid day can change; null makes the mandate open-ended again. */
  @Patch(':id')
  @ApiOkResponse({ type: MandateDto })
  update(@Param() { id }: IdParams, @Body() body: UpdateMandateDto): Promise<MandateDto> {
    return this.mandates.setValidTo(id, body.validTo ?? null);
  }

  /** Ends the mandate on the given day (inclusive). */
  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: MandateDto })
  end(@Param() { id }: IdParams, @Body() body: EndMandateDto): Promise<MandateDto> {
    return this.mandates.setValidTo(id, body.validTo);
  }
}
