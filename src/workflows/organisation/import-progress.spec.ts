import type { CsvImportStep } from '../../modules/org/csv-import-progress';
import { isImportKind, throttledProgress } from './import-progress';

describe('throttledProgress', () => {
  const collect = () => {
    const sent: Array<[CsvImportStep, number, number]> = [];
    return { sent, report: throttledProgress((step, done, total) => sent.push([step, done, total])) };
  };

  it("passes a step's first and last report and one per whole percent between", () => {
    const { sent, report } = collect();
    for (let done = 0; done <= 5000; done++) report('hashing', done, 5000);
    expect(sent[0]).toEqual(['hashing', 0, 5000]);
    expect(sent[sent.length - 1]).toEqual(['hashing', 5000, 5000]);
    expect(sent).toHaveLength(101);
    expect(sent[1]).toEqual(['hashing', 50, 5000]);
  });

  it('passes every report of a small file, and each new step at once', () => {
    const { sent, report } = collect();
    report('checking', 0, 3);
    report('checking', 1, 3);
    report('checking', 3, 3);
    report('writing', 3, 3);
    expect(sent).toEqual([
      ['checking', 0, 3],
      ['checking', 1, 3],
      ['checking', 3, 3],
      ['writing', 3, 3],
    ]);
  });

  it('passes a repeated last report (a step that ends twice is still shown ended)', () => {
    const { sent, report } = collect();
    report('writing', 0, 0);
    report('writing', 0, 0);
    expect(sent).toEqual([
      ['writing', 0, 0],
      ['writing', 0, 0],
    ]);
  });
});

describe('isImportKind', () => {
  it.each([
    ['units', true],
    ['people', true],
    ['clusters', false],
    [['units'], false],
    [undefined, false],
  ])('%p → %p', (value, expected) => expect(isImportKind(value)).toBe(expected));
});
