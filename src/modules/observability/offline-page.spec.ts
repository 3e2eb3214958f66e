import { withoutExternalLinks } from './offline-page';

describe('withoutExternalLinks', () => {
  it('drops stylesheets and preconnects to other hosts and keeps local ones', () => {
    const html = [
      '<head>',
      '<link href="https://fonts.googleapis.com/css2?family=IBM+Plex+Sans&display=swap" rel="stylesheet">',
      "<link rel='preconnect' href='//fonts.gstatic.com'>",
      '<link href="static/css/main.css" rel="stylesheet">',
      '<link rel="icon" href="static/images/logo.svg">',
      '</head>',
    ].join('\n');
    const result = withoutExternalLinks(html);
    expect(result).not.toMatch(/googleapis|gstatic/);
    expect(result).toContain('<link href="static/css/main.css" rel="stylesheet">');
    expect(result).toContain('<link rel="icon" href="static/images/logo.svg">');
  });

  it('leaves a page without external links unchanged', () => {
    const html = '<html><head><link href="/a.css" rel="stylesheet"></head><body><a href="https://example.org">x</a></body></html>';
    expect(withoutExternalLinks(html)).toBe(html);
  });
});
