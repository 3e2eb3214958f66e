import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath('/campaigns/2020?tab=forms')).toBe('/campaigns/2020?tab=forms');
  });

  it.each([
    ['protocol-relative', '//evil.example/'],
    ['backslash trick', '/\\evil.example'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['relative without slash', 'home'],
    ['tab inside', '/\t/evil.example'],
    ['newline inside', '/x\nLocation: //evil.example'],
    ['empty', ''],
  ])('refuses a %s', (_, value) => {
    expect(safeNextPath(value)).toBeUndefined();
  });

  it('refuses anything that is not a string, and very long values', () => {
    expect(safeNextPath(undefined)).toBeUndefined();
    expect(safeNextPath(['/a', '/b'])).toBeUndefined();
    expect(safeNextPath(`/${'a'.repeat(2000)}`)).toBeUndefined();
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeNextPath('/../../etc')).toBe('/etc');
  });
});
