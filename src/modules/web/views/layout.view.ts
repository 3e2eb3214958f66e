import { Language } from '../../../common/i18n/language';
import { withCsrfFields } from '../csrf-form-fields';
import { html, SafeHtml } from '../html';
import { text } from '../web-texts';

export interface LayoutOptions {
  language: Language;
  title: string;
  content: SafeHtml;
  /** Where each language link points: the current page with `?lang=` set. */
  languageLinks: Record<Language, string>;
  /** The signed-in person, shown with a sign-out button; absent on the sign-in and error pages. */
  person?: { fullName: string };
  /** Links to the main pages, shown in the header when present (signed-in pages). */
  navigation?: NavigationLink[];
  /** A page's own rules, added after the shell's stylesheet. */
  styles?: SafeHtml;
  /** Stylesheets a page links to (Bootstrap, Form.io), placed before the shell's rules so that those win. */
  stylesheets?: string[];
  /** Scripts a page loads from this site, in order, at the end of the body. */
  scripts?: string[];
  /** The CSRF token of the viewer's session: added to every form that posts, and in a meta tag for the page's scripts. */
  csrfToken?: string;
}

/** A header link; `current` marks the page shown (`page`) or the section it belongs to (`section`). */
export interface NavigationLink {
  href: string;
  label: string;
  current?: 'page' | 'section';
}

const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

// Colours keep at least 7:1 contrast for text; the focus ring is yellow inside black, visible on light and dark.
// A date field's day, month, year and calendar button take the focus inside it, where :focus-visible misses the last.
const STYLE = html`<style>
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b1b1b;background:#f4f5f7}
a{color:#0b4f8a;text-underline-offset:.15em}
a:hover{color:#063563}
:focus-visible,input[type=date]:focus-within{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.skip{position:absolute;left:-9999px;top:0;background:#ffdd00;color:#0b0c0c;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
.site-header{background:#7f1616;color:#fff}
.bar{max-width:64rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem}
.brand{margin:0;font-weight:700;font-size:1.125rem;flex:1 1 auto}
.brand a,.site-header a{color:#fff}
.lang ul,.primary ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
.lang a[aria-current],.primary a[aria-current]{font-weight:700;text-decoration:none;border-bottom:2px solid #fff}
.primary{order:3;flex:1 1 100%;border-top:1px solid #b35c5c;padding-top:.5rem}
.primary ul{gap:.5rem 1.5rem}
.account{display:flex;align-items:center;gap:.75rem;flex-wrap:wrap}
.account form{margin:0}
.person{margin:0;font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
main{display:block;max-width:64rem;margin:0 auto;padding:1.5rem 1rem 3rem}
main:focus{outline:none}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .75rem}
.sign-card{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1.5rem;max-width:28rem}
.field{margin:0 0 1.25rem}
label{display:block;font-weight:600;margin-bottom:.35rem}
input[type=text],input[type=password]{display:block;width:100%;font:inherit;padding:.55rem .65rem;border:2px solid #4b4f56;border-radius:.3rem;background:#fff;color:#1b1b1b}
button{font:inherit;font-weight:600;cursor:pointer;border-radius:.3rem;padding:.55rem 1.25rem;border:2px solid #0b4f8a;background:#0b4f8a;color:#fff}
button:hover{background:#063563;border-color:#063563}
.site-header button{background:transparent;border-color:#fff;padding:.3rem .9rem}
.site-header button:hover{background:#fff;color:#7f1616}
.alert{border-left:6px solid #b00020;background:#fdecee;color:#5c0010;padding:.75rem 1rem;margin:0 0 1.25rem;border-radius:.25rem}
.muted{color:#4b4f56}
.notice{border-left:6px solid #0b5d1e;background:#e6f4ea;color:#0b3d14;padding:.75rem 1rem;margin:0 0 1.25rem;border-radius:.25rem}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #c9ccd1;border-radius:.5rem}
table{border-collapse:collapse;width:100%;min-width:36rem}
caption{text-align:left;padding:.75rem 1rem;font-weight:600}
th,td{text-align:left;padding:.6rem 1rem;border-top:1px solid #dcdfe3;vertical-align:top}
thead th{background:#eef0f3;border-top:none}
ul.roles{margin:.25rem 0 0;padding-left:1.25rem}
.badge{display:inline-block;font-size:.85rem;font-weight:600;padding:.1rem .5rem;border-radius:.75rem;border:1px solid}
.badge.ok{color:#0b5d1e;background:#e6f4ea;border-color:#0b5d1e}
.badge.bad{color:#8a1010;background:#fdecee;border-color:#8a1010}
.badge.pending{color:#6b4a00;background:#fff4d6;border-color:#6b4a00}
ul.reasons{margin:0;padding-left:1.1rem}
ul.reasons li.unmet{color:#8a1010}
@media (max-width:40rem){body{font-size:1rem}h1{font-size:1.45rem}.sign-card{padding:1rem}}
</style>`;

/** The whole document around a page's content: language, title, header with the language switch and the signed-in person. */
export function renderLayout(options: LayoutOptions): string {
  const { language, person } = options;
  const productName = text(language, 'productName');
  const languageItems = (Object.keys(LANGUAGE_NAMES) as Language[]).map(
    (code) =>
      html`<li><a href="${options.languageLinks[code]}" lang="${code}" hreflang="${code}"${code === language ? html` aria-current="true"` : ''}>${LANGUAGE_NAMES[code]}</a></li>`,
  );
  const navigation = options.navigation?.length
    ? html`<nav class="primary" aria-label="${text(language, 'mainNavigation')}"><ul>${options.navigation.map(
        (link) => html`<li><a href="${link.href}"${link.current === 'page' ? html` aria-current="page"` : link.current ? html` aria-current="true"` : ''}>${link.label}</a></li>`,
      )}</ul></nav>`
    : '';
  const account =
    person &&
    html`<div class="account">
      <p class="person"><span class="visually-hidden">${text(language, 'signedInAs')}: </span>${person.fullName}</p>
      <form method="post" action="/sign-out"><button type="submit">${text(language, 'signOut')}</button></form>
    </div>`;
  const document = html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${productName}</title>
<link rel="icon" href="data:,">
${options.csrfToken && html`<meta name="csrf-token" content="${options.csrfToken}">
`}${(options.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">
`)}${STYLE}
${options.styles}
</head>
<body>
<a class="skip" href="#main">${text(language, 'skipToContent')}</a>
<header class="site-header">
  <div class="bar">
    <p class="brand"><a href="/">${productName}</a></p>
    ${navigation}
    <nav class="lang" aria-label="${text(language, 'languageSwitch')}"><ul>${languageItems}</ul></nav>
    ${account}
  </div>
</header>
<main id="main" tabindex="-1">
${options.content}
</main>
${(options.scripts ?? []).map((src) => html`<script src="${src}"></script>
`)}</body>
</html>
`.value;
  return options.csrfToken ? withCsrfFields(document, options.csrfToken) : document;
}
