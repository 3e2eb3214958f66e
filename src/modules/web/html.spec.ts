import { jsonScript, escapeHtml, html, SafeHtml } from './html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  });

  it('leaves Vietnamese text untouched', () => {
    expect(escapeHtml('Viện kiểm sát nhân dân tỉnh Thanh Hóa')).toBe('Viện kiểm sát nhân dân tỉnh Thanh Hóa');
  });

  it('escapes an already escaped entity again, so it shows as typed', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('html', () => {
  it('escapes interpolated text but not the template itself', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p class="a">${name}</p>`.value).toBe('<p class="a">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('escapes values placed in attributes', () => {
    expect(html`<input value="${'" onfocus="alert(1)'}">`.value).toBe('<input value="&quot; onfocus=&quot;alert(1)">');
  });

  it('keeps nested markup and joins lists without escaping them twice', () => {
    const rows = ['a&b', 'c'].map((cell) => html`<td>${cell}</td>`);
    expect(html`<tr>${rows}</tr>`.value).toBe('<tr><td>a&amp;b</td><td>c</td></tr>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${true}]`.value).toBe('[0true]');
  });

  it('trusts only SafeHtml, not strings that look like markup', () => {
    expect(html`${'<b>'}${new SafeHtml('<i>')}`.value).toBe('&lt;b&gt;<i>');
    expect(String(html`<b>${'x'}</b>`)).toBe('<b>x</b>');
  });

  it('embeds data as JSON that no value can break out of', () => {
    const embedded = jsonScript('page-data', { text: '</script><script>alert(1)</script>', line: 'a\u2028b' }).value;
    expect(embedded).not.toContain('</script><script>');
    const json = embedded.slice(embedded.indexOf('>') + 1, embedded.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script>', line: 'a\u2028b' });
  });
});
