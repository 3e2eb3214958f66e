import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { ActingFor, Principal } from '../../common/auth/principal';
import { PrincipalService } from '../../modules/auth/principal.service';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { SignDto, RecordPaperSignatureDto, ReasonDto, SignatureDto, SigningStatusDto } from '../stages/sign/sign.dto';
import { SignTaskService, StatementFile } from '../stages/sign/sign-task.service';
import { CampaignQueriesService } from './campaign-queries.service';

/**
 * A unit's signature on the adopted pact, through its sign task (ký kết): the statement to sign (JSON, or the file
 * itself for a signing tool), signing by passkey or X.509, a decline with its reason, and paper signatures recorded
 * by a secretary and confirmed or disputed by the unit.
 */
@ApiTags('signing')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code; defaults to the task’s unit' })
@Controller('api/v1/tasks/:id/signing')
export class SigningController {
  constructor(
    private readonly signing: SignTaskService,
    private readonly queries: CampaignQueriesService,
    private readonly principals: PrincipalService,
  ) {}

  /** Who has signed, the adopted version, the consolidated title registrations. */
  @Get()
  @ApiOkResponse({ type: SigningStatusDto })
  async status(@Param('id', ParseUUIDPipe) id: string): Promise<SigningStatusDto> {
    const { envelope, signatures } = await this.signing.envelopeOfTask(id);
    return SigningStatusDto.of(envelope, signatures);
  }

  /** The statement to sign now; `?download=1` answers the file itself (its canonical JSON) for any signing tool. */
  @Get('statement')
  @ApiOkResponse({ description: 'The statement to sign and its canonical JSON (with ?download=1, that JSON as a file)', schema: { type: 'object' } })
  async statement(@Param('id', ParseUUIDPipe) id: string, @Query('download') download: string | undefined, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<StatementFile | string> {
    const file = await this.signing.statement(id, principal, await this.actingFor(id, principal, request));
    if (download === undefined) return file;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="loi-cam-ket-ky-${file.statement.unit.code}.json"`);
    return file.canonical;
  }

  /** Signs the pact for the unit with a passkey or an X.509 signature. */
  @Post()
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ type: SignatureDto })
  async sign(@Param('id', ParseUUIDPipe) id: string, @Body() body: SignDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<SignatureDto> {
    const actingFor = await this.actingFor(id, principal, request);
    const input = body.method === 'passkey' ? { method: 'passkey' as const, statement: body.statement, response: body.response } : { method: 'x509' as const, statement: body.statement, signature: Buffer.from(body.signature ?? '', 'base64') };
    return SignatureDto.of(await this.signing.sign(id, input, principal, actingFor));
  }

  /** Declines to sign the pact, with a reason. */
  @Post('decline')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ schema: { type: 'object', properties: { declined: { type: 'boolean', enum: [true] } } } })
  async decline(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<{ declined: true }> {
    await this.signing.decline(id, body.reason, principal, await this.actingFor(id, principal, request));
    return { declined: true };
  }

  /** A secretary (or administrator) records a paper signature made at the conference, with the scanned page. */
  @Post('paper')
  @Idempotent()
  @HttpCode(201)
  @Roles('secretary', 'admin')
  @ApiOkResponse({ type: SignatureDto })
  async recordPaper(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordPaperSignatureDto, @CurrentPrincipal() principal: Principal): Promise<SignatureDto> {
    const signature = await this.signing.recordPaper(id, { scan: Buffer.from(body.scan, 'base64'), signedAt: body.signedAt ? new Date(body.signedAt) : undefined, note: body.note }, principal);
    return SignatureDto.of(signature);
  }

  /** Confirms a scanned paper signature (the cluster head’s check). */
  @Post('paper/confirm')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ type: SignatureDto })
  async confirmPaper(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<SignatureDto> {
    return SignatureDto.of(await this.signing.confirmPaper(id, principal, await this.actingFor(id, principal, request)));
  }

  /** Disputes a scanned paper signature, with a reason. */
  @Post('paper/dispute')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ schema: { type: 'object', properties: { disputed: { type: 'boolean', enum: [true] } } } })
  async disputePaper(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<{ disputed: true }> {
    await this.signing.disputePaper(id, body.reason, principal, await this.actingFor(id, principal, request));
    return { disputed: true };
  }

  private async actingFor(taskId: string, principal: Principal, request: Request): Promise<ActingFor | undefined> {
    return this.queries.actingForTask(taskId, principal.personId, request.headers['x-acting-unit']);
  }
}
