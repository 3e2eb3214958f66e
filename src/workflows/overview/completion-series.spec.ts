import { cumulativeSeries, MAX_FILLED_DAYS } from './completion-series';

describe('cumulativeSeries', () => {
  it.each([
    ['nothing', [], []],
    ['one day', [{ day: '2020-03-02', assigned: 6, completed: 1 }], [{ day: '2020-03-02', assigned: 6, completed: 1 }]],
    [
      'fills the days between, in order, adding rows of the same day',
      [
        { day: '2020-03-04', assigned: 0, completed: 2 },
        { day: '2020-03-02', assigned: 6, completed: 0 },
        { day: '2020-03-02', assigned: 1, completed: 1 },
      ],
      [
        { day: '2020-03-02', assigned: 7, completed: 1 },
        { day: '2020-03-03', assigned: 7, completed: 1 },
        { day: '2020-03-04', assigned: 7, completed: 3 },
      ],
    ],
    [
      'crosses a month and a leap day',
      [
        { day: '2020-02-28', assigned: 2, completed: 0 },
        { day: '2020-03-01', assigned: 0, completed: 2 },
      ],
      [
        { day: '2020-02-28', assigned: 2, completed: 0 },
        { day: '2020-02-29', assigned: 2, completed: 0 },
        { day: '2020-03-01', assigned: 2, completed: 2 },
      ],
    ],
  ])('%s', (_name, days, expected) => {
    expect(cumulativeSeries(days)).toEqual(expected);
  });

  it(`keeps only the days with a change past ${MAX_FILLED_DAYS} days`, () => {
    expect(
      cumulativeSeries([
        { day: '2020-01-01', assigned: 3, completed: 0 },
        { day: '2026-12-04', assigned: 0, completed: 3 },
      ]),
    ).toEqual([
      { day: '2020-01-01', assigned: 3, completed: 0 },
      { day: '2026-12-04', assigned: 3, completed: 3 },
    ]);
  });
});
