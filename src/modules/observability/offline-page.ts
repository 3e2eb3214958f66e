/** `<link … href="https://…">` (stylesheets, fonts, preconnects) in an HTML document. */
const EXTERNAL_LINK = /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>\s*/gi;

/**
 * Removes links to other hosts from a page. Bull Board's page asks Google Fonts for its typeface;
 * offline that request hangs or fails while blocking the first render, and the UI already falls
 * back to the system sans-serif font.
 */
export function withoutExternalLinks(html: string): string {
  return html.replace(EXTERNAL_LINK, '');
}
