import { Body, Controller, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../../common/auth/auth.decorators';
import { resolveLanguage } from '../../common/i18n/language';
import { CsvRowErrorDto } from './csv-problems';
import { MAX_CSV_ROWS } from './csv-table';
import { ImportQueryDto, ImportResultDto } from './dto/csv-import.dto';
import { PersonCsvImportService } from './person-csv-import.service';
import { UnitCsvImportService } from './unit-csv-import.service';

const CSV_BODY = { schema: { type: 'string', format: 'binary' } } as const;
const INVALID = { description: `CSV_INVALID: details list every bad row as ${CsvRowErrorDto.name} { row, field, code, message }; nothing is imported` };

/**
 * Bulk onboarding from CSV (Content-Type: text/csv, UTF-8, at most 5,000 rows). Every row is
 * checked first; one bad row means nothing is imported and the answer lists every bad row.
 */
@ApiTags('org')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/imports')
export class CsvImportController {
  constructor(
    private readonly units: UnitCsvImportService,
    private readonly people: PersonCsvImportService,
  ) {}

  /** Columns: code,name,shortName,parentCode. A parent is an existing unit or one on an earlier line. */
  @Post('units')
  @ApiConsumes('text/csv')
  @ApiBody(CSV_BODY)
  @ApiCreatedResponse({ type: ImportResultDto, description: `Imported (at most ${MAX_CSV_ROWS} rows)` })
  @ApiOkResponse({ type: ImportResultDto, description: 'dryRun=true: valid, nothing imported' })
  @ApiUnprocessableEntityResponse(INVALID)
  async importUnits(@Body() body: unknown, @Query() query: ImportQueryDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<ImportResultDto> {
    const result = await this.units.import(body, query.dryRun ?? false, resolveLanguage(request));
    if (result.dryRun) response.status(200);
    return result;
  }

  /** Columns: username,fullName,email,position,unitCode,mandateRole,validFrom,validTo,password; a unitCode adds a mandate. */
  @Post('people')
  @ApiConsumes('text/csv')
  @ApiBody(CSV_BODY)
  @ApiCreatedResponse({ type: ImportResultDto, description: `Imported (at most ${MAX_CSV_ROWS} rows)` })
  @ApiOkResponse({ type: ImportResultDto, description: 'dryRun=true: valid, nothing imported' })
  @ApiUnprocessableEntityResponse(INVALID)
  async importPeople(@Body() body: unknown, @Query() query: ImportQueryDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<ImportResultDto> {
    const result = await this.people.import(body, query.dryRun ?? false, resolveLanguage(request));
    if (result.dryRun) response.status(200);
    return result;
  }
}
