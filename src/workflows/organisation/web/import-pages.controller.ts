import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Injectable,
  Logger,
  NestInterceptor,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { toErrorResponse } from '../../../common/errors/error-response';
import { Language } from '../../../common/i18n/language';
import { findUnsafeInput } from '../../../common/http/unsafe-input';
import { AppConfig } from '../../../config/app-config';
import type { CsvImportProgress } from '../../../modules/org/csv-import-progress';
import { MAX_CSV_ROWS } from '../../../modules/org/csv-table';
import { html } from '../../../modules/web/html';
import { redirectSeeOther, SCRIPT_PAGE_CONTENT_SECURITY_POLICY } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { IMPORT_KINDS, ImportKind, ImportProgressLine, isImportKind, throttledProgress } from '../import-progress';
import { ImportProgressService, ImportUpload } from '../import-progress.service';
import type { ImportRecord } from '../import-progress.store';
import { IMPORT_PAGE_ASSETS, IMPORT_PAGE_STYLE, importFormView, ImportLimits, importRecordTitle, importRecordView, IMPORTS_PATH, importTemplate, templateName } from './import-pages.view';
import { importt } from './import-web-texts';
import { ORGANISATION_PAGE_STYLE } from './organisation-tabs.view';
import { refusalOf } from './unit-pages.controller';

/** What multer's memory storage gives for the uploaded file. */
interface UploadedCsv {
  buffer: Buffer;
  /** The name on the uploader's computer: shown back to them, never used as a path. */
  originalname: string;
}

type UploadRequest = Request & { file?: UploadedCsv; uploadRefusal?: AppError };

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;

/**
 * Reads the upload form's one file with multer (memory storage, at most the API's body limit, as a text/csv body
 * would be). Its refusals are left on the request rather than thrown, so that the page shows them above the form.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly limitBytes: number;
  private readonly multer: NestInterceptor;

  constructor(config: ConfigService<AppConfig, true>) {
    this.limitBytes = config.get('http', { infer: true }).bodyLimitBytes;
    // The form's fields: kind and the CSRF token the page adds to every form.
    const Multer = FileInterceptor('file', { limits: { fileSize: this.limitBytes, files: 1, fields: 4, fieldSize: 4096 }, defParamCharset: 'utf8' });
    // Our options only: a MulterModule registered elsewhere must not switch this to disk storage.
    this.multer = new Multer({});
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      const request = context.switchToHttp().getRequest<UploadRequest>();
      request.uploadRefusal = error instanceof PayloadTooLargeException ? new AppError('PAYLOAD_TOO_LARGE', { limit: megabytes(this.limitBytes) }) : new AppError('CSV_FILE_MISSING');
      return next.handle();
    }
  }
}

/** The page's script asks for progress lines; a form posted without it gets the next page once the work is done. */
const wantsProgress = (request: Request): boolean => (request.headers.accept ?? '').includes('application/x-ndjson');

/**
 * Progress as lines of JSON (application/x-ndjson) in the answer to the request doing the work, so that whichever api
 * process takes it reports on it: each step's count, then where to go, or why not. The status is 200 once a line has
 * gone; a refusal before that keeps its own status.
 */
class ProgressStream {
  private started = false;

  constructor(private readonly response: Response) {}

  reporter(): CsvImportProgress {
    return throttledProgress((step, done, total) => this.write({ step, done, total }));
  }

  end(line: ImportProgressLine, status = 200): void {
    this.write(line, status);
    if (!this.response.writableEnded) this.response.end();
  }

  private write(line: ImportProgressLine, status = 200): void {
    // A page closed midway: the work goes on (its outcome is kept), nobody is listening.
    if (this.response.writableEnded || this.response.destroyed) return;
    if (!this.started) {
      this.started = true;
      this.response.status(status).set({
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // Proxies that buffer answers (nginx) would hold every line back until the end.
        'X-Accel-Buffering': 'no',
      });
    }
    this.response.write(`${JSON.stringify(line)}\n`);
  }
}

/**
 * The administrators' CSV import pages (/admin/org/imports): the form with the expected columns and templates; a
 * preview of every row of the uploaded file with its problems, nothing written; the import, all rows or none; and
 * progress from the upload to the last row written. Without a script, the same forms post plainly and answer with
 * the next page.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/org/imports')
export class ImportPagesController {
  private readonly logger = new Logger(ImportPagesController.name);
  private readonly limits: ImportLimits;

  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly imports: ImportProgressService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.limits = { rows: MAX_CSV_ROWS, bytes: config.get('http', { infer: true }).bodyLimitBytes };
  }

  @Get()
  async form(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const kind = isImportKind(request.query.kind) ? request.query.kind : 'units';
    this.sendForm(request, response, viewer, { kind });
  }

  /** The template of a kind of file: its header and example lines. */
  @Get('templates/:file')
  async template(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, IMPORTS_PATH);
    if (!viewer) return;
    const kind = IMPORT_KINDS.find((candidate) => templateName(candidate) === file);
    if (!kind) throw new AppError('ROUTE_NOT_FOUND', { path: request.path });
    response
      .status(200)
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file}"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
      .send(importTemplate(kind));
  }

  /** The preview's address opened again (a bookmark, a reload after a refusal): the form. */
  @Get('preview')
  previewForm(@Res() response: Response): void {
    redirectSeeOther(response, IMPORTS_PATH);
  }

  /**
   * Checks the uploaded file (the importer's dry run: nothing written) and keeps it for the preview. Needs no CSRF
   * token (CsrfProtection's read-only posts): a multipart form cannot show the token to a check that runs before its
   * body is read, and this post changes no data; the import that follows is an ordinary form with the token.
   */
  @Post('preview')
  @UseInterceptors(CsvUploadInterceptor)
  async preview(@UploadedFile() file: UploadedCsv | undefined, @Body() form: Record<string, unknown>, @Req() request: UploadRequest, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, IMPORTS_PATH);
    if (!viewer) return;
    const kind = isImportKind(form?.kind) ? form.kind : undefined;
    const progress = wantsProgress(request) ? new ProgressStream(response) : undefined;
    try {
      const upload = this.uploadOf(request, file, kind, viewer.language);
      const record = await this.imports.preview(upload, viewer.principal, viewer.language, progress?.reporter());
      const location = `${IMPORTS_PATH}/${record.id}`;
      if (progress) progress.end({ location });
      else redirectSeeOther(response, location);
    } catch (error) {
      if (progress) return this.failStream(progress, error, viewer, request);
      const refusal = refusalOf(error, viewer, request, response);
      this.sendForm(request, response, viewer, { kind: kind ?? 'units', failure: refusal.message, status: refusal.status });
    }
  }

  /** The preview of a checked file, or what became of its import. */
  @Get(':id')
  async record(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const record = await this.imports.find(id, viewer.principal);
    const flash = request.query.flash === 'imported' && record.state === 'imported' ? importt(viewer.language, 'imported') : undefined;
    await this.sendRecord(request, response, viewer, record, { flash });
  }

  /** Imports a previewed file without problems: its rows are checked again and written all or none. */
  @Post(':id/import')
  async import(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const path = `${IMPORTS_PATH}/${id}`;
    const viewer = await this.shell.admin(request, response, path);
    if (!viewer) return;
    const progress = wantsProgress(request) ? new ProgressStream(response) : undefined;
    try {
      await this.imports.import(id, viewer.principal, viewer.language, progress?.reporter());
      const location = `${path}?flash=imported`;
      if (progress) progress.end({ location });
      else redirectSeeOther(response, location);
    } catch (error) {
      // The page shows why, with the problems the check found again; a preview gone is only a message.
      const location = error instanceof AppError && error.code !== 'IMPORT_PREVIEW_NOT_FOUND' ? path : undefined;
      if (progress) return this.failStream(progress, error, viewer, request, location);
      const refusal = refusalOf(error, viewer, request, response);
      const record = await this.imports.find(id, viewer.principal);
      await this.sendRecord(request, response, viewer, record, { failure: refusal.message, status: refusal.status });
    }
  }

  /** The upload as text: refused when multer refused it, when it is missing, not UTF-8 or holds control characters. */
  private uploadOf(request: UploadRequest, file: UploadedCsv | undefined, kind: ImportKind | undefined, language: Language): ImportUpload {
    if (request.uploadRefusal) throw request.uploadRefusal;
    if (!kind) throw new AppError('VALIDATION_FAILED', { fields: importt(language, 'kindLegend') });
    if (!file) throw new AppError('CSV_FILE_MISSING');
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
    } catch {
      throw new AppError('CSV_NOT_UTF8');
    }
    // As refuseUnsafeInput refuses them in a text/csv body sent to the API.
    const unsafe = findUnsafeInput(csv, importt(language, 'file'));
    if (unsafe?.problem === 'control-character') throw new AppError('INVALID_CHARACTERS', { field: unsafe.field, character: unsafe.character });
    return { kind, fileName: file.originalname.slice(0, 200) || templateName(kind), csv };
  }

  /** The last line of a stream that failed: the refusal in the viewer's words (an unexpected error only by its id, logged). */
  private failStream(progress: ProgressStream, error: unknown, viewer: PageViewer, request: Request, location?: string): void {
    const refusal = toErrorResponse(error, viewer.language, request.path);
    if (refusal.cause !== undefined) this.logger.error({ errorId: refusal.body.errorId, err: refusal.cause, path: request.path }, 'Unexpected error in a CSV import');
    progress.end(location ? { error: refusal.body.message, location } : { error: refusal.body.message }, refusal.status);
  }

  private sendForm(request: Request, response: Response, viewer: PageViewer, options: { kind: ImportKind; failure?: string; status?: number }): void {
    this.shell.send(request, response, viewer, {
      title: importt(viewer.language, 'title'),
      content: importFormView({ language: viewer.language, kind: options.kind, limits: this.limits, failure: options.failure }),
      status: options.status,
      path: IMPORTS_PATH,
      ...this.pageAssets(),
    });
  }

  private async sendRecord(request: Request, response: Response, viewer: PageViewer, record: ImportRecord, options: { flash?: string; failure?: string; status?: number }): Promise<void> {
    const { language } = viewer;
    const stored = record.failure && toErrorResponse(new AppError(record.failure.code, record.failure.params), language, request.path).body.message;
    this.shell.send(request, response, viewer, {
      title: importRecordTitle(language, record),
      content: importRecordView(
        { language, record, records: await this.imports.rows(record), interrupted: await this.imports.interrupted(record), flash: options.flash, failure: options.failure ?? stored },
        this.limits,
      ),
      status: options.status,
      path: `${IMPORTS_PATH}/${record.id}`,
      ...this.pageAssets(),
    });
  }

  private pageAssets() {
    return { assets: IMPORT_PAGE_ASSETS, contentSecurityPolicy: SCRIPT_PAGE_CONTENT_SECURITY_POLICY, styles: html`${ORGANISATION_PAGE_STYLE}${IMPORT_PAGE_STYLE}` };
  }
}
