import { AppError } from '../../../common/errors/app-error';
import { publishProblems, readPackDocument } from './rule-pack-form';

describe('the rule pack form', () => {
  it('reads JSON, and says where text that is not JSON stops being it', () => {
    expect(readPackDocument('{ "key": "a" }', 'vi')).toEqual({ document: { key: 'a' } });
    expect(readPackDocument('{\n  "key": "a",\n}', 'vi')).toEqual({ problem: { path: '', message: 'Nội dung gửi lên không phải JSON hợp lệ. (dòng 3, cột 1)' } });
    expect(readPackDocument('{\n  "key": "a",\n}', 'en')).toEqual({
      problem: { path: '', message: 'The request body is not valid JSON. (line 3, column 1) Expected double-quoted property name in JSON at position 16.' },
    });
    expect(readPackDocument('', 'vi')).toEqual({ problem: { path: '', message: 'Nội dung gửi lên không phải JSON hợp lệ.' } });
  });

  it('refuses what the API body parsers refuse, at its path', () => {
    expect(readPackDocument('{ "name": { "vi": "a\\u0000" } }', 'vi')).toEqual({
      problem: { path: 'name.vi', message: expect.stringContaining('Trường name.vi chứa ký tự điều khiển không được phép (U+0000)') },
    });
    expect(readPackDocument('{ "caps": [{ "percent": 1e400 }] }', 'en')).toEqual({ problem: { path: 'caps[0].percent', message: 'Invalid data: caps[0].percent.' } });
    expect(readPackDocument(`${'['.repeat(100)}${']'.repeat(100)}`, 'en')).toEqual({ problem: { path: expect.stringMatching(/^\[0\]/), message: expect.stringContaining('deeper than 64 levels') } });
  });

  it('puts an invalid pack’s problems at their paths, a clash of dates at effectiveFrom, any other refusal on the whole', () => {
    const invalid = new AppError('RULE_PACK_INVALID', { count: 1 }, [{ path: 'titles[0].code', code: 'DUPLICATE_TITLE', message: 'mã danh hiệu "A" bị trùng' }]);
    expect(publishProblems(invalid, 'vi')).toEqual({ status: 422, problems: [{ path: 'titles[0].code', message: 'mã danh hiệu "A" bị trùng' }] });
    const clash = new AppError('RULE_PACK_EFFECTIVE_DATE_TAKEN', { pack: 'A', date: { vi: '01/01/2024', en: '2024-01-01' }, other: 'B', otherKey: 'b' });
    expect(publishProblems(clash, 'en')).toEqual({ status: 422, problems: [{ path: 'effectiveFrom', message: 'Rule pack "A" takes effect on 2024-01-01, the same day as "B" (b); choose another date.' }] });
    expect(publishProblems(new AppError('RULE_PACK_CONTENT_PUBLISHED', { number: 1 }), 'vi')).toEqual({ status: 409, problems: [{ path: '', message: expect.stringContaining('phiên bản 1') }] });
    expect(() => publishProblems(new Error('boom'), 'vi')).toThrow('boom');
  });
});
