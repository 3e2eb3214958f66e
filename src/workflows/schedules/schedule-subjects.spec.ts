import { parseSubjectKey, unitLevels } from './schedule-subjects';

describe('schedule subjects', () => {
  it('counts each unit’s level under the top of the hierarchy', () => {
    const levels = unitLevels([
      { id: 'top', parentId: null },
      { id: 'province', parentId: 'top' },
      { id: 'district', parentId: 'province' },
      { id: 'loop-a', parentId: 'loop-b' },
      { id: 'loop-b', parentId: 'loop-a' },
    ]);
    expect([levels.get('top'), levels.get('province'), levels.get('district')]).toEqual([0, 1, 2]);
    // A cycle in bad data ends instead of hanging.
    expect(levels.get('loop-a')).toBeGreaterThan(2);
  });

  it.each([
    ['cluster:0b7f6c1e-2a8d-4d7e-9a57-0f2a4b1c9d11', { kind: 'cluster', id: '0b7f6c1e-2a8d-4d7e-9a57-0f2a4b1c9d11' }],
    ['unit:0b7f6c1e-2a8d-4d7e-9a57-0f2a4b1c9d11', { kind: 'unit', id: '0b7f6c1e-2a8d-4d7e-9a57-0f2a4b1c9d11' }],
    ['person:0b7f6c1e-2a8d-4d7e-9a57-0f2a4b1c9d11', null],
    ['cluster:1', null],
  ])('parses %s', (key, expected) => {
    expect(parseSubjectKey(key)).toEqual(expected);
  });
});
