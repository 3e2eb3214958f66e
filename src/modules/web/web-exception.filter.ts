import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from '../../common/errors/error-response';
import { chosenLanguage } from '../../common/i18n/language';
import { languageLinks, sendPage } from './page-response';
import { errorView } from './views/error.view';
import { renderLayout } from './views/layout.view';
import { text } from './web-texts';

/**
 * Errors on page routes as a small HTML page in the reader's language instead of JSON.
 * Same mapping and logging as the global filter: a 500 shows only its errorId, the cause goes to the log.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = chosenLanguage(request);
    const result = toErrorResponse(exception, language, request.path);
    if (result.cause !== undefined) {
      this.logger.error({ errorId: result.body.errorId, err: result.cause, path: request.path }, 'Unexpected error on a page');
    }
    if (response.headersSent) return;
    const document = renderLayout({
      language,
      title: text(language, 'errorTitle'),
      content: errorView({ language, status: result.status, message: result.body.message }),
      languageLinks: languageLinks(request),
    });
    response.set(result.headers);
    sendPage(response, result.status, document);
  }
}
