import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from '../errors/error-response';
import { resolveLanguage } from '../i18n/language';

/** The one HTTP exception filter: coded JSON bodies in the request's language; 500s logged under their errorId. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const result = toErrorResponse(exception, resolveLanguage(request), request.path);
    if (result.cause !== undefined) {
      this.logger.error({ errorId: result.body.errorId, err: result.cause, path: request.path }, 'Unexpected error');
    }
    if (response.headersSent) return;
    response.status(result.status).set(result.headers).json(result.body);
  }
}
