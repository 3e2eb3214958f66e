import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

interface BodyParserError {
  type?: string;
  status?: number;
  charset?: string;
  encoding?: string;
}

/**
 * Express error middleware placed right after the body parsers: turns their failures into
 * coded errors before Nest flattens them into a generic 400 (or, for 415s, a 500).
 */
export function bodyParserErrors(limitText: string) {
  return (error: BodyParserError | undefined, request: Request, _response: Response, next: NextFunction): void => {
    if (!error) return next();
    const encoding = String(request.headers['content-encoding'] ?? 'identity');
    switch (error.type) {
      case 'entity.parse.failed':
        return next(new AppError('INVALID_JSON'));
      case 'entity.too.large':
      case 'parameters.too.many':
        return next(new AppError('PAYLOAD_TOO_LARGE', { limit: limitText }));
      case 'charset.unsupported':
        return next(new AppError('UNSUPPORTED_CHARSET', { charset: error.charset ?? '?' }));
      case 'encoding.unsupported':
        return next(new AppError('UNSUPPORTED_CONTENT_ENCODING', { encoding: error.encoding ?? encoding }));
    }
    // Anything else the parsers answer with a 4xx is the client's body: bytes that are not the gzip they claim,
    // a length that does not match, an upload cut short.
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) return next(new AppError('BODY_UNREADABLE', { encoding }));
    next(error);
  };
}
