import { dayText, momentText } from './date-text';

describe('dates in words', () => {
  it('writes a day as each reader does', () => {
    expect(dayText('2020-05-09')).toEqual({ vi: '09/05/2020', en: '2020-05-09' });
  });
  it("writes a moment on Vietnam's wall clock", () => {
    expect(momentText('2020-05-09T17:30:00.000Z')).toEqual({ vi: '10/05/2020 00:30', en: '2020-05-10 00:30' });
    expect(momentText(new Date('2020-05-09T02:05:00Z'))).toEqual({ vi: '09/05/2020 09:05', en: '2020-05-09 09:05' });
  });
});
