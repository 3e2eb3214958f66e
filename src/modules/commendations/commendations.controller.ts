import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CertificatesService } from './certificates/certificates.service';
import { CommendationsService } from './commendations.service';
import { CommendationDto, CommendationListQueryDto, CommendationPageDto } from './dto/commendation.dto';
import { commendationsWorkbook } from './exports/commendations-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The workbook holds the whole filtered register, up to this many rows. */
const EXPORT_ROWS = 50_000;

/** The commendation register (sổ khen thưởng): who received which title or commendation form, by which decision. Any signed-in person reads it. */
@ApiTags('commendations')
@ApiBearerAuth()
@Controller('api/v1/commendations')
export class CommendationsController {
  constructor(
    private readonly commendations: CommendationsService,
    private readonly certificates: CertificatesService,
  ) {}

  /** Commendations, newest decision first; filter by year, unit, person or campaign. */
  @Get()
  @ApiOkResponse({ type: CommendationPageDto })
  list(@Query() query: CommendationListQueryDto): Promise<CommendationPageDto> {
    return this.commendations.list(query);
  }

  /** The register as XLSX ("Sổ khen thưởng", Vietnamese headers), with the same filters as the list. */
  @Get('export.xlsx')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The XLSX workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  async workbook(@Query() query: CommendationListQueryDto): Promise<StreamableFile> {
    const { items } = await this.commendations.list({ ...query, limit: EXPORT_ROWS, offset: 0 });
    const scope = [query.year ? `năm ${query.year}` : 'mọi năm', query.title ?? '', items[0] && query.unitId ? items[0].recipient.name : ''].filter(Boolean).join(', ');
    const body = await commendationsWorkbook(`Sổ khen thưởng (${scope})`, items);
    const filename = `so-khen-thuong${query.year ? `-${query.year}` : ''}.xlsx`;
    return new StreamableFile(body, { type: XLSX, disposition: `attachment; filename="${filename}"`, length: body.length });
  }

  /** The award's certificate as a PDF (Vietnamese, landscape A4); a revoked award has none. */
  @Get(':id/certificate.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ description: 'COMMENDATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CERTIFICATE_REVOKED' })
  async certificate(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const file = await this.certificates.certificate(id);
    return new StreamableFile(file.body, { type: 'application/pdf', disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }

  /** One commendation of the register with its decision and, if revoked, the revocation. */
  @Get(':id')
  @ApiOkResponse({ type: CommendationDto })
  @ApiNotFoundResponse({ description: 'COMMENDATION_NOT_FOUND' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CommendationDto> {
    return this.commendations.get(id);
  }
}
