import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

/**
 * Express error middleware placed right after the body parsers: turns their failures into
 * coded errors before Nest flattens them into a generic 400.
 */
export function bodyParserErrors(limitText: string) {
  return (error: { type?: string } | undefined, _req: Request, _res: Response, next: NextFunction): void => {
    if (error?.type === 'entity.parse.failed') return next(new AppError('INVALID_JSON'));
    if (error?.type === 'entity.too.large') return next(new AppError('PAYLOAD_TOO_LARGE', { limit: limitText }));
    next(error);
  };
}
