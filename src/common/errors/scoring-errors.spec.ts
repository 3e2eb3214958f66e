import { AppError } from './app-error';
import { ErrorCode, statusOf } from './error-catalog';
import { toErrorResponse } from './error-response';
import { SCORING_ERRORS } from './scoring-errors';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('SCORING_ERRORS', () => {
  it.each([
    ['SCORING_TABLE_INVALID', 422],
    ['SCORING_TABLE_NOT_FOUND', 404],
    ['SCORING_TABLE_VERSION_NOT_FOUND', 404],
    ['SCORING_TABLE_CONTENT_PUBLISHED', 409],
    ['SCORING_TABLE_PUBLISH_CONFLICT', 409],
    ['SCORE_SHEET_INVALID', 422],
    ['SCORE_ABOVE_STANDARD', 422],
    ['SCORE_BELOW_FLOOR', 422],
    ['SCORE_MISSING', 422],
    ['SCORE_NOT_A_NUMBER', 422],
    ['SCORE_TOO_PRECISE', 422],
    ['SCORE_UNKNOWN_CRITERION', 422],
    ['SCORE_DUPLICATE_CRITERION', 422],
    ['SCORE_OWN_UNIT', 403],
    ['SCORE_EVIDENCE_REQUIRED', 422],
    ['SCORE_STAGE_CLOSED', 409],
    ['SCORE_RECUSE_AFTER_SUBMIT', 409],
    ['SCORE_ALREADY_SUBMITTED', 409],
    ['SCORE_TABLE_VERSION_MISMATCH', 409],
    ['SCORE_SHEET_NOT_FOUND', 404],
    ['RANKING_NOT_FOUND', 404],
    ['RANKING_ADJUSTMENT_REASON_REQUIRED', 422],
  ] as const)('%s answers %i and is in the catalogue', (code, status) => {
    expect(code in SCORING_ERRORS).toBe(true);
    expect(statusOf(code as ErrorCode)).toBe(status);
  });

  it.each(Object.entries(SCORING_ERRORS))('%s has the same placeholders in Vietnamese and English', (_, entry) => {
    expect(entry.message.vi).not.toBe('');
    expect(placeholders(entry.message.en)).toEqual(placeholders(entry.message.vi));
  });

  it('renders a criterion by code and text in each language', () => {
    const error = new AppError('SCORE_EVIDENCE_REQUIRED', { code: 'I.3.b', criterion: 'Không có bị cáo bị Tòa án tuyên không phạm tội' });
    expect(toErrorResponse(error, 'vi', '/x')).toMatchObject({
      status: 422,
      body: { code: 'SCORE_EVIDENCE_REQUIRED', message: 'Tiêu chí I.3.b "Không có bị cáo bị Tòa án tuyên không phạm tội" cần ít nhất một tệp minh chứng.' },
    });
    expect(toErrorResponse(new AppError('SCORE_SHEET_INVALID', { count: 2 }, [{ path: 'c_I_1' }]), 'en', '/x').body).toEqual({
      code: 'SCORE_SHEET_INVALID',
      message: 'The score sheet has 2 problems (see details).',
      details: [{ path: 'c_I_1' }],
    });
  });
});
