import { GRANTED_ROLE_NAMES } from '../auth/role-names';
import { AppError } from './app-error';
import { ERROR_CATALOG, ErrorCode } from './error-catalog';
import { toErrorResponse } from './error-response';

const entries = Object.entries(ERROR_CATALOG) as Array<[ErrorCode, (typeof ERROR_CATALOG)[ErrorCode]]>;
const texts = (code: ErrorCode) => [ERROR_CATALOG[code].message.vi, ERROR_CATALOG[code].message.en];

/** People read names: a message gives an id only where there is nothing else to give, a record that was not found. */
describe('the error catalog names things', () => {
  it('puts {id} only in not-found messages', () => {
    const withId = entries.filter(([code]) => texts(code).some((text) => text.includes('{id}'))).map(([code, entry]) => [code, entry.kind]);
    expect(withId.filter(([, kind]) => kind !== 'not-found')).toEqual([]);
  });

  it('never writes a role by its key', () => {
    const keys = Object.keys(GRANTED_ROLE_NAMES).filter((key) => key.includes('-'));
    const offenders = entries.filter(([code]) => texts(code).some((text) => keys.some((key) => text.includes(key)))).map(([code]) => code);
    expect(offenders).toEqual([]);
  });

  it('says a param given in every language in the reader’s', () => {
    const refusal = new AppError('ROLE_GRANT_EXISTS', { person: 'Lê Thư Ký', role: { vi: 'Thư ký', en: 'Secretary' }, scope: { vi: 'trên toàn hệ thống', en: 'everywhere' } });
    expect(toErrorResponse(refusal, 'vi', '/').body.message).toBe('Lê Thư Ký đã có vai trò “Thư ký” trên toàn hệ thống.');
    expect(toErrorResponse(refusal, 'en', '/').body.message).toBe('Lê Thư Ký already holds the role “Secretary” everywhere.');
  });
});
