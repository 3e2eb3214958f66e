import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { ActingFor } from '../../common/auth/principal';
import { anyOfRoles } from '../../common/auth/role-names';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { PrincipalService } from '../../modules/auth/principal.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { SignatureDto } from '../stages/sign/sign.dto';
import { SignTaskService } from '../stages/sign/sign-task.service';
import { SigningPageReader } from './signing-page-reader.service';
import { SIGNING_PAGE_ASSETS, SIGNING_PAGE_CONTENT_SECURITY_POLICY, SIGNING_PAGE_STYLE } from './signing-page-assets';
import { signingClientTexts, SigningWebTextKey, st } from './signing-web-texts';
import { SignerState, signingView, SigningViewModel } from './views/signing.view';
import { PageViewer, WorkflowPageShell } from './workflow-page-shell.service';

/** Who may record a paper signature made at the conference (as the API's `@Roles` on the same action). */
export const PAPER_RECORDER_ROLES = ['secretary', 'admin'];

const FLASHES = ['signed', 'declined', 'paper', 'confirmed', 'disputed'] as const;
type Flash = (typeof FLASHES)[number];
const FLASH_KEYS = { signed: 'flashSigned', declined: 'flashDeclined', paper: 'flashPaper', confirmed: 'flashConfirmed', disputed: 'flashDisputed' } as const;

const field = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');

/**
 * A unit's sign task as a page (ký kết): the adopted version, the consolidated title registrations and who has
 * signed; the unit's signer signs with a passkey or an X.509 file, or declines; a secretary records a paper signature
 * that the unit confirms or disputes. Every action is a plain form post answered with a 303 back to the page, or the
 * page again with the catalog's message; the page's script only bridges the browser's passkey and file APIs.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('inbox/tasks/:id/sign')
export class SigningPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly signing: SignTaskService,
    private readonly principals: PrincipalService,
    private readonly reader: SigningPageReader,
  ) {}

  @Get()
  async page(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const flash = typeof request.query.flash === 'string' && (FLASHES as readonly string[]).includes(request.query.flash) ? (request.query.flash as Flash) : undefined;
    await this.render(request, response, viewer, id, { flash });
  }

  /** The statement file to sign with any signing tool (its canonical JSON), for the unit's signer. */
  @Get('statement')
  async statement(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/inbox/tasks/${id}/sign`);
    if (!viewer) return;
    const file = await this.signing.statement(id, viewer.principal, await this.actingFor(viewer, id));
    response
      .status(200)
      .set({
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="loi-cam-ket-ky-${file.statement.unit.code}.json"`,
        'Cache-Control': 'no-store',
      })
      .send(file.canonical);
  }

  @Post('passkey')
  async passkey(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, id, 'passkey', {}, async (viewer) => {
      let assertion: unknown;
      try {
        assertion = JSON.parse(field(form, 'response'));
      } catch {
        assertion = undefined;
      }
      if (!field(form, 'statement') || typeof assertion !== 'object' || assertion === null) throw this.missing(viewer, ['statementHeading', 'passkeyAnswer']);
      await this.signing.sign(id, { method: 'passkey', statement: field(form, 'statement'), response: assertion }, viewer.principal, await this.actingFor(viewer, id));
      return 'signed';
    });
  }

  @Post('x509')
  async x509(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, id, 'x509', {}, async (viewer) => {
      const signature = field(form, 'signature');
      if (!field(form, 'statement') || !signature || !/^[A-Za-z0-9+/=\s]+$/.test(signature)) throw this.missing(viewer, ['statementFile', 'signatureFile']);
      await this.signing.sign(id, { method: 'x509', statement: field(form, 'statement'), signature: Buffer.from(signature, 'base64') }, viewer.principal, await this.actingFor(viewer, id));
      return 'signed';
    });
  }

  @Post('decline')
  async decline(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const reason = field(form, 'reason');
    await this.act(request, response, id, 'decline', { reason }, async (viewer) => {
      if (!reason) throw new AppError('COMMENT_REQUIRED');
      await this.signing.decline(id, reason.slice(0, 2000), viewer.principal, await this.actingFor(viewer, id));
      return 'declined';
    });
  }

  /** A secretary records the paper signature of the task's unit, with the scanned page (base64, put there by the page's script). */
  @Post('paper')
  async recordPaper(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const note = field(form, 'note');
    await this.act(request, response, id, 'paper', { note }, async (viewer) => {
      if (!PAPER_RECORDER_ROLES.some((role) => viewer.principal.roles.includes(role))) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(PAPER_RECORDER_ROLES) });
      const scan = field(form, 'scan');
      if (!scan || !/^[A-Za-z0-9+/=\s]+$/.test(scan)) throw this.missing(viewer, ['scanFile']);
      const signedAtText = field(form, 'signedAt');
      const signedAt = signedAtText ? new Date(`${signedAtText.length === 16 ? `${signedAtText}:00` : signedAtText}+07:00`) : undefined;
      if (signedAt && Number.isNaN(signedAt.getTime())) throw new AppError('VALIDATION_FAILED', { fields: st(viewer.language, 'paperSignedAt') });
      await this.signing.recordPaper(id, { scan: Buffer.from(scan, 'base64'), signedAt, note: note ? note.slice(0, 2000) : undefined }, viewer.principal);
      return 'paper';
    });
  }

  @Post('paper/confirm')
  async confirmPaper(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, id, 'paper-answer', {}, async (viewer) => {
      await this.signing.confirmPaper(id, viewer.principal, await this.actingFor(viewer, id));
      return 'confirmed';
    });
  }

  @Post('paper/dispute')
  async disputePaper(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, id, 'paper-answer', {}, async (viewer) => {
      await this.signing.disputePaper(id, field(form, 'reason').slice(0, 2000), viewer.principal, await this.actingFor(viewer, id));
      return 'disputed';
    });
  }

  /** Runs a form's action: 303 back to the page with its confirmation, or the page again with the refusal above the form. */
  private async act(
    request: Request,
    response: Response,
    id: string,
    form: string,
    typed: { reason?: string; note?: string },
    action: (viewer: PageViewer) => Promise<Flash>,
  ): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/inbox/tasks/${id}/sign`);
    if (!viewer) return;
    try {
      const flash = await action(viewer);
      return redirectSeeOther(response, `/inbox/tasks/${id}/sign?flash=${flash}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      response.set(refusal.headers);
      await this.render(request, response, viewer, id, { status: refusal.status, failure: { message: refusal.body.message, form, ...typed } });
    }
  }

  /** The catalog's "invalid data" naming the page's fields that were missing or malformed. */
  private missing(viewer: PageViewer, fields: SigningWebTextKey[]): AppError {
    return new AppError('VALIDATION_FAILED', { fields: fields.map((key) => st(viewer.language, key)).join(', ') });
  }

  /** The viewer's mandate for the task's unit: one whose role may sign when they hold several. */
  private async actingFor(viewer: PageViewer, taskId: string, signerRoles?: string[]): Promise<ActingFor | undefined> {
    const context = await this.reader.taskContext(taskId);
    const mandates = (await this.principals.actingForAll(viewer.principal.personId)).filter((mandate) => mandate.unitId === context.unit.id);
    const roles = signerRoles ?? (await this.signing.envelopeOfTask(taskId)).envelope.signerRoles;
    return mandates.find((mandate) => roles.includes(mandate.mandateRole)) ?? mandates[0];
  }

  private async render(
    request: Request,
    response: Response,
    viewer: PageViewer,
    id: string,
    extra: { flash?: Flash; failure?: SigningViewModel['failure']; status?: number },
  ): Promise<void> {
    const { language, principal } = viewer;
    const context = await this.reader.taskContext(id);
    const { envelope, signatures } = await this.signing.envelopeOfTask(id);
    const actingFor = await this.actingFor(viewer, id, envelope.signerRoles);
    const byUnit = new Map(
      signatures.map((signature) => {
        const recordedBy = (signature.evidence.recordedBy as { fullName?: string } | undefined)?.fullName;
        const note = signature.evidence.note as string | null | undefined;
        return [signature.unit.id, { ...SignatureDto.of(signature), recordedBy, note }];
      }),
    );
    const own = byUnit.get(context.unit.id);
    let signer: SignerState = { kind: 'none' };
    let passkeyData: Record<string, unknown> | null = null;
    if (actingFor && !envelope.signerRoles.includes(actingFor.mandateRole)) signer = { kind: 'not-signer', role: actingFor.mandateRole };
    else if (actingFor && context.status === 'open' && envelope.status === 'open' && !own) {
      const file = await this.signing.statement(id, principal, actingFor);
      const passkey = file.passkeyOptions ? { registered: (file.passkeyOptions.allowCredentials ?? []).length > 0 } : null;
      signer = { kind: 'may-sign', statementHash: file.hash, passkey, x509: envelope.methods.includes('x509') };
      if (file.passkeyOptions) passkeyData = { statement: file.canonical, options: file.passkeyOptions };
    }
    const flash =
      extra.flash === 'signed' && own
        ? st(language, 'flashSigned', { unit: context.unit.code, hash: own.statementHash.slice(0, 16) })
        : extra.flash && extra.flash !== 'signed'
          ? st(language, FLASH_KEYS[extra.flash])
          : undefined;
    const document = envelope.documentVersion;
    this.shell.send(request, response, viewer, {
      status: extra.status,
      path: `/inbox/tasks/${id}/sign`,
      title: st(language, 'signingTitle', { unit: context.unit.code }),
      content: signingView({
        language,
        context,
        envelope: {
          status: envelope.status,
          inForceAt: envelope.inForceAt?.toISOString() ?? null,
          document: { id: document.document.id, title: document.content.title, versionNumber: document.number, contentHash: envelope.contentHash },
          registrationsHash: envelope.registrationsHash,
          methods: envelope.methods,
          signerRoles: envelope.signerRoles,
        },
        registrations: await this.reader.registrationTable(context.campaign.id, envelope.registrations),
        signatures: byUnit,
        signer,
        actsForUnit: Boolean(actingFor),
        canRecordPaper: PAPER_RECORDER_ROLES.some((role) => principal.roles.includes(role)),
        flash,
        failure: extra.failure,
        pageData: { language, texts: signingClientTexts(language), passkey: passkeyData },
      }),
      assets: SIGNING_PAGE_ASSETS,
      styles: SIGNING_PAGE_STYLE,
      contentSecurityPolicy: SIGNING_PAGE_CONTENT_SECURITY_POLICY,
    });
  }
}
