import { isCalendarDate, UNIT_CODE_PATTERN, USERNAME_PATTERN } from './org-formats';

describe('org formats', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2020-2-1')).toBe(false);
    expect(isCalendarDate('2020-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20200101)).toBe(false);
  });

  it('accepts unit codes of uppercase letters, digits and hyphens, 2 to 64 long', () => {
    expect(UNIT_CODE_PATTERN.test('VKS-THA')).toBe(true);
    expect(UNIT_CODE_PATTERN.test('vks-tha')).toBe(false);
    expect(UNIT_CODE_PATTERN.test('X')).toBe(false);
    expect(UNIT_CODE_PATTERN.test('A'.repeat(65))).toBe(false);
    expect(UNIT_CODE_PATTERN.test('VKS THA')).toBe(false);
  });

  it('accepts lowercase usernames only', () => {
    expect(USERNAME_PATTERN.test('thanhhoa.canbo')).toBe(true);
    expect(USERNAME_PATTERN.test('ThanhHoa')).toBe(false);
    expect(USERNAME_PATTERN.test('.hidden')).toBe(false);
  });
});
