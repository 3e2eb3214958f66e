import { Controller, Get, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { toErrorResponse } from '../../../common/errors/error-response';
import { Language } from '../../../common/i18n/language';
import { AppConfig } from '../../../config/app-config';
import { CsrfTokens } from '../../csrf/csrf-tokens.service';
import { SafeHtml } from '../../web/html';
import { PageNavigation } from '../../web/page-navigation';
import { languageLinks, pageLanguage, sendPage } from '../../web/page-response';
import { PageSessionService } from '../../web/page-session.service';
import { renderLayout } from '../../web/views/layout.view';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { verifyBundle } from '../bundle/verify-bundle';
import { verifyPageView, verifyText } from './verify-page.view';

/** A bundle of a year's campaign is a few megabytes; this leaves room for many scanned pages. */
const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

/** What multer's memory storage gives for the uploaded file. */
interface UploadedBundle {
  buffer: Buffer;
}

/**
 * The public verification page (/verify): anyone, signed in or not, uploads a campaign's verification bundle and reads
 * every check, as `thidua verify` prints them. Nothing is stored; the upload is only read.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('verify')
export class VerifyPageController {
  constructor(
    private readonly sessions: PageSessionService,
    private readonly navigation: PageNavigation,
    private readonly csrf: CsrfTokens,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Get()
  async form(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.page(request, response, undefined);
  }

  @Post()
  @UseInterceptors(FileInterceptor('bundle', { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 5 } }))
  async verify(@UploadedFile() file: UploadedBundle | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!file) {
      const language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
      const refusal = toErrorResponse(new AppError('BUNDLE_FILE_REQUIRED'), language, request.path);
      return this.page(request, response, { error: refusal.body.message, status: refusal.status });
    }
    await this.page(request, response, { checks: await verifyBundle(file.buffer) });
  }

  private async page(request: Request, response: Response, result: { checks?: Awaited<ReturnType<typeof verifyBundle>>; error?: string; status?: number } | undefined): Promise<void> {
    const language: Language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const person = await this.sessions.resolve(request, response);
    const content: SafeHtml = verifyPageView({ language, checks: result?.checks, error: result?.error });
    const document = renderLayout({
      language,
      title: verifyText(language, 'title'),
      content,
      languageLinks: languageLinks(request),
      person: person ?? undefined,
      navigation: person ? this.navigation.linksFor(person, language, request.path) : undefined,
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, result?.status ?? 200, document);
  }
}
