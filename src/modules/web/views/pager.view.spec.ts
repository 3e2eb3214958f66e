import { listPage, pagerNav } from './pager.view';

describe('listPage', () => {
  it.each([
    [0, 50, undefined, { page: 1, pages: 1, offset: 0 }],
    [120, 50, '2', { page: 2, pages: 3, offset: 50 }],
    [120, 50, '3', { page: 3, pages: 3, offset: 100 }],
    [120, 50, '9', { page: 3, pages: 3, offset: 100 }],
    [120, 50, '0', { page: 1, pages: 3, offset: 0 }],
    [120, 50, '-2', { page: 1, pages: 3, offset: 0 }],
    [120, 50, 'abc', { page: 1, pages: 3, offset: 0 }],
    [100, 50, '2', { page: 2, pages: 2, offset: 50 }],
  ])('%i items by %i, asked %p', (total, size, requested, expected) => {
    expect(listPage(total, size, requested)).toEqual({ ...expected, size });
  });
});

describe('pagerNav', () => {
  const href = (page: number) => `/inbox?donePage=${page}`;
  it('shows nothing for one page', () => {
    expect(pagerNav('vi', listPage(10, 50, '1'), href, 'Trang')).toBe('');
  });
  it('links the pages around the current one', () => {
    const middle = String(pagerNav('vi', listPage(120, 50, '2'), href, 'Trang việc đã xử lý'));
    expect(middle).toContain('href="/inbox?donePage=1" rel="prev"');
    expect(middle).toContain('href="/inbox?donePage=3" rel="next"');
    expect(middle).toContain('Trang 2/3');
    const last = String(pagerNav('en', listPage(120, 50, '3'), href, 'Done tasks pages'));
    expect(last).not.toContain('rel="next"');
    expect(last).toContain('Page 3 of 3');
  });
});
