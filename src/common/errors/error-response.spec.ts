import { BadRequestException, NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('renders a coded error in Vietnamese and in English', () => {
    const error = new AppError('UNIT_CODE_TAKEN', { code: 'VKS-TH' });
    expect(toErrorResponse(error, 'vi', '/x')).toMatchObject({ status: 409, body: { code: 'UNIT_CODE_TAKEN', message: 'Mã đơn vị VKS-TH đã được sử dụng.' } });
    expect(toErrorResponse(error, 'en', '/x').body.message).toBe('Unit code VKS-TH is already in use.');
  });

  it('keeps details and uses the catalog status override', () => {
    const response = toErrorResponse(new AppError('CSV_INVALID', { count: 2 }, [{ row: 3 }]), 'en', '/x');
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([{ row: 3 }]);
  });

  it('maps body-parser failures', () => {
    expect(toErrorResponse({ type: 'entity.parse.failed' }, 'vi', '/x').body.code).toBe('INVALID_JSON');
    expect(toErrorResponse({ type: 'entity.too.large' }, 'en', '/x')).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('maps framework exceptions by status', () => {
    expect(toErrorResponse(new NotFoundException(), 'en', '/nope').body).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'No route for /nope.' });
    expect(toErrorResponse(new BadRequestException(), 'en', '/x')).toMatchObject({ status: 400, body: { code: 'HTTP_ERROR' } });
  });

  it('hides unexpected errors behind an errorId and keeps the cause for the log', () => {
    const cause = new Error('secret stack');
    const response = toErrorResponse(cause, 'vi', '/x');
    expect(response.status).toBe(500);
    expect(response.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(response.body)).not.toContain('secret stack');
    expect(response.cause).toBe(cause);
  });
});
