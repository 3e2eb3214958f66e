import { html } from './html';
import { PageNavigation } from './page-navigation';
import { renderLayout } from './views/layout.view';

const person = (roles: string[]) => ({ personId: 'p', username: 'u', fullName: 'Nguyễn Thị Hoa', roles });

describe('PageNavigation', () => {
  const navigation = new PageNavigation();
  navigation.add(
    { href: '/inbox', label: { vi: 'Việc cần làm', en: 'My tasks' } },
    { href: '/admin', label: { vi: 'Quản trị', en: 'Admin' }, roles: ['admin'] },
  );
  navigation.add({ href: '/inbox', label: { vi: 'Trùng', en: 'Duplicate' } });

  it('shows role-bound links only to holders of the role, each href once', () => {
    expect(navigation.linksFor(person([]), 'vi', '/').map((l) => l.label)).toEqual(['Việc cần làm']);
    expect(navigation.linksFor(person(['admin']), 'en', '/').map((l) => l.label)).toEqual(['My tasks', 'Admin']);
  });

  it('marks the current page, and the section of a page under it', () => {
    expect(navigation.linksFor(person([]), 'vi', '/inbox')[0].current).toBe('page');
    expect(navigation.linksFor(person([]), 'vi', '/inbox/x')[0].current).toBe('section');
    expect(navigation.linksFor(person([]), 'vi', '/inboxes')[0].current).toBeUndefined();
  });

  it('marks only the page itself, or the deepest section, when links nest', () => {
    const nested = new PageNavigation();
    nested.add({ href: '/inbox', label: { vi: 'Việc', en: 'Tasks' } }, { href: '/inbox/submissions', label: { vi: 'Đã nộp', en: 'Submitted' } });
    expect(nested.linksFor(person([]), 'vi', '/inbox/submissions').map((l) => l.current)).toEqual([undefined, 'page']);
    expect(nested.linksFor(person([]), 'vi', '/inbox/submissions/1').map((l) => l.current)).toEqual([undefined, 'section']);
    expect(nested.linksFor(person([]), 'vi', '/inbox/tasks/1/form').map((l) => l.current)).toEqual(['section', undefined]);
  });

  it('renders in the header, escaped, and not at all when empty', () => {
    const base = { language: 'vi' as const, title: 'T', content: html``, languageLinks: { vi: '/?lang=vi', en: '/?lang=en' } };
    const page = renderLayout({ ...base, navigation: [{ href: '/a?x=1&y=2', label: '<b>', current: 'page' }] });
    expect(page).toContain('<nav class="primary" aria-label="Điều hướng chính"><ul><li><a href="/a?x=1&amp;y=2" aria-current="page">&lt;b&gt;</a></li></ul></nav>');
    expect(renderLayout({ ...base, navigation: [] })).not.toContain('<nav class="primary"');
  });
});
