import type { Request, Response } from 'express';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-catalog';
import { toErrorResponse } from '../../common/errors/error-response';
import { chosenLanguage, resolveLanguage } from '../../common/i18n/language';
import { languageLinks, sendPage } from '../web/page-response';
import { errorView } from '../web/views/error.view';
import { renderLayout } from '../web/views/layout.view';
import { text } from '../web/web-texts';

/**
 * Answers a refused request before any route runs: the usual coded JSON for the API and Bull Board,
 * and for a page form the error page in the reader's language (the page filter never sees middleware).
 */
export function sendRefusal(request: Request, response: Response, code: ErrorCode, asJson: boolean): void {
  const language = asJson ? resolveLanguage(request) : chosenLanguage(request);
  const result = toErrorResponse(new AppError(code), language, request.path);
  response.set(result.headers);
  if (asJson) {
    response.status(result.status).json(result.body);
    return;
  }
  const document = renderLayout({
    language,
    title: text(language, 'errorTitle'),
    content: errorView({ language, status: result.status, message: result.body.message }),
    languageLinks: languageLinks(request),
  });
  sendPage(response, result.status, document);
}
