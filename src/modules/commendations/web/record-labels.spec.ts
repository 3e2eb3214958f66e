import { DISCIPLINE_LEVELS } from '../rules/rule-pack';
import { LEVELS } from './record-labels';

describe('record labels', () => {
  it('names every disciplinary measure with the reasons’ words, capitalised', () => {
    expect(Object.keys(LEVELS)).toEqual([...DISCIPLINE_LEVELS]);
    expect(LEVELS.reprimand).toEqual({ vi: 'Khiển trách', en: 'Reprimand' });
    expect(LEVELS['removal-from-office']).toEqual({ vi: 'Cách chức', en: 'Removal from office' });
  });
});
