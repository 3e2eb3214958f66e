import { chosenLanguage, interpolate, resolveLanguage } from './language';

describe('resolveLanguage', () => {
  it('defaults to Vietnamese', () => {
    expect(resolveLanguage({ headers: {} })).toBe('vi');
    expect(resolveLanguage({ headers: { 'accept-language': 'fr-FR, de;q=0.5' } })).toBe('vi');
  });
  it('honours Accept-Language with weights', () => {
    expect(resolveLanguage({ headers: { 'accept-language': 'en-US,en;q=0.9' } })).toBe('en');
    expect(resolveLanguage({ headers: { 'accept-language': 'vi;q=0.4, en;q=0.8' } })).toBe('en');
  });
  it('lets the query and the cookie override the header', () => {
    expect(resolveLanguage({ query: { lang: 'vi' }, headers: { 'accept-language': 'en' } })).toBe('vi');
    expect(resolveLanguage({ cookies: { lang: 'en' }, headers: {} })).toBe('en');
    expect(resolveLanguage({ query: { lang: 'xx' }, cookies: { lang: 'en' }, headers: {} })).toBe('en');
  });
});

describe('chosenLanguage', () => {
  it("follows the person's choice and never the browser's language", () => {
    expect(chosenLanguage({ headers: { 'accept-language': 'en-US,en;q=0.9' } })).toBe('vi');
    expect(chosenLanguage({ headers: { 'accept-language': 'vi' }, cookies: { lang: 'en' } })).toBe('en');
    expect(chosenLanguage({ headers: {}, query: { lang: 'vi' }, cookies: { lang: 'en' } })).toBe('vi');
    expect(chosenLanguage({ headers: {}, query: { lang: 'fr' }, cookies: { lang: 'xx' } })).toBe('vi');
  });
});

describe('interpolate', () => {
  it('fills known placeholders and keeps unknown ones', () => {
    expect(interpolate('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });
  it('shows a param given in every language in the language asked for, Vietnamese by default', () => {
    const role = { vi: 'Thư ký', en: 'Secretary' };
    expect(interpolate('Vai trò {role}', { role })).toBe('Vai trò Thư ký');
    expect(interpolate('Role {role}', { role }, 'en')).toBe('Role Secretary');
    expect(interpolate('{a}', { a: { vi: 'x' } }, 'en')).toBe('[object Object]');
  });
});
