import { isCalendarDay } from './calendar.dto';

describe('isCalendarDay', () => {
  it.each(['2020-01-25', '2024-02-29', '2000-01-01', '2100-12-31'])('accepts %s', (value) => {
    expect(isCalendarDay(value)).toBe(true);
  });

  it.each(['2020-02-30', '2023-02-29', '2020-13-01', '2020-00-10', '2020-1-25', '25/01/2020', '1999-12-31', '2101-01-01', '', 42, null])(
    'rejects %p',
    (value) => {
      expect(isCalendarDay(value)).toBe(false);
    },
  );
});
