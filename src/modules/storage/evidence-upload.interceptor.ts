import { applyDecorators, BadRequestException, CallHandler, ExecutionContext, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type, UseInterceptors } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import { Observable, throwError } from 'rxjs';
import { AppError } from '../../common/errors/app-error';
import { findUnsafeInput, MAX_INPUT_DEPTH } from '../../common/http/unsafe-input';
import { AppConfig } from '../../config/app-config';
import { CSRF_FIELD } from '../csrf/csrf-tokens.service';
import { megabytes } from './stored-files.service';

/** What multer's memory storage hands the route for the uploaded file (`@UploadedFile()`). */
export interface UploadedEvidence {
  buffer: Buffer;
  /** The client's name: untrusted, StoredFilesService.put sanitises it. */
  originalname: string;
  /** The client's Content-Type: untrusted and ignored, the type is read from the content. */
  mimetype: string;
  size: number;
}

/** Text fields a score form sends along with its file (criterion code, comment…): a few, short. */
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 64 * 1024;

/** Multer's refusals (already turned into Nest exceptions by FileInterceptor) as our coded errors. */
function uploadRefusal(error: unknown, limitBytes: number): unknown {
  if (error instanceof PayloadTooLargeException) return new AppError('EVIDENCE_TOO_LARGE', { limitMb: megabytes(limitBytes) }, { limitBytes });
  if (error instanceof BadRequestException) return new AppError('EVIDENCE_UPLOAD_INVALID', { reason: error.message }, { reason: error.message });
  return error;
}

/** The same refusals `refuseUnsafeInput` gives other bodies, which it could not see: multipart is parsed only now. */
function unsafeFieldRefusal(body: unknown): AppError | null {
  const found = findUnsafeInput(body, '');
  if (!found) return null;
  if (found.problem === 'too-deep') return new AppError('INPUT_TOO_DEEP', { limit: MAX_INPUT_DEPTH, field: found.field }, { field: found.field, limit: MAX_INPUT_DEPTH });
  if (found.problem === 'control-character') return new AppError('INVALID_CHARACTERS', { field: found.field, character: found.character }, { field: found.field, character: found.character });
  return new AppError('VALIDATION_FAILED', { fields: found.field }, [{ field: found.field, problems: [`${found.field} must be a finite number`] }]);
}

/**
 * An interceptor that reads one file from a multipart body with Nest's FileInterceptor (multer, memory storage: the
 * bytes go to StoredFilesService.put, never to a temporary folder) and refuses, with coded errors: a file past
 * EVIDENCE_MAX_BYTES (413 EVIDENCE_TOO_LARGE, multer stops reading there), no file (400 EVIDENCE_FILE_MISSING), a
 * second file or a file under another field (400 EVIDENCE_UPLOAD_INVALID), and control characters in the text fields
 * (400 INVALID_CHARACTERS, as for JSON bodies). A page form's `_csrf` field is dropped once parsed.
 *
 * CSRF: multipart is not JSON, so an API route takes it only with a bearer token; a page route with the session
 * cookie needs the page's token in the `X-CSRF-Token` header, since the CSRF middleware runs before the body is parsed
 * and cannot read a `_csrf` form field there.
 */
export function EvidenceUploadInterceptor(fieldName = 'file'): Type<NestInterceptor> {
  @Injectable()
  class EvidenceUpload implements NestInterceptor {
    private readonly limitBytes: number;
    private readonly multer: NestInterceptor;

    constructor(config: ConfigService<AppConfig, true>) {
      this.limitBytes = config.get('storage', { infer: true }).evidenceMaxBytes;
      const Multer = FileInterceptor(fieldName, {
        limits: { fileSize: this.limitBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
        // Browsers send the file name's UTF-8 bytes as they are; busboy would read them as latin1.
        defParamCharset: 'utf8',
      });
      // Our options only: a MulterModule registered elsewhere must not switch this to disk storage.
      this.multer = new Multer({});
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request & { file?: UploadedEvidence }>();
      const afterParsing: CallHandler = {
        handle: () => {
          const body = request.body as Record<string, unknown> | undefined;
          if (body && typeof body === 'object') delete body[CSRF_FIELD];
          const refusal = unsafeFieldRefusal(body) ?? (request.file ? null : new AppError('EVIDENCE_FILE_MISSING', { field: fieldName }, { field: fieldName }));
          return refusal ? throwError(() => refusal) : next.handle();
        },
      };
      try {
        return await this.multer.intercept(context, afterParsing);
      } catch (error) {
        throw uploadRefusal(error, this.limitBytes);
      }
    }
  }
  return mixin(EvidenceUpload);
}

/**
 * For a route that takes one evidence file (and optional text fields) as multipart/form-data: the interceptor above
 * plus its OpenAPI description. Read the file with `@UploadedFile() file: UploadedEvidence`.
 */
export function UploadEvidence(fieldName = 'file') {
  return applyDecorators(
    UseInterceptors(EvidenceUploadInterceptor(fieldName)),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: [fieldName], properties: { [fieldName]: { type: 'string', format: 'binary' } } } }),
  );
}
