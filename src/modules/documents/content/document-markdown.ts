import type { Language } from '../../../common/i18n/language';
import { Clause, DocumentContent, normaliseLine, normaliseParagraphs } from './document-content';

/** What the Markdown says about the version it renders. */
export interface MarkdownMeta {
  version: number;
  /** The version's `documentHash`. */
  hash: string;
  /** Language of the labels ('Điều' or 'Article'); the content itself is never translated. */
  language: Language;
}

const LABELS: Record<Language, { clause: string; version: (version: number, hash: string) => string }> = {
  vi: { clause: 'Điều', version: (version, hash) => `Phiên bản ${version} · Mã băm SHA-256: \`${hash}\`` },
  en: { clause: 'Article', version: (version, hash) => `Version ${version} · SHA-256: \`${hash}\`` },
};

/**
 * Escapes the characters that start inline markup anywhere in a line (emphasis, code, links, HTML,
 * tables, strikethrough) and an `&` that would read as an entity, and nothing else, so the source stays readable.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes a line so that its start is not read as a heading, list item, rule or setext underline. */
function escapeLine(line: string): string {
  return escapeInline(line.trimStart())
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** In a heading a `#` may also close it, so every `#` is escaped. */
function escapeHeading(text: string): string {
  return escapeInline(normaliseLine(text)).replace(/#/g, '\\#');
}

/**
 * Paragraphs stay paragraphs; a single line break stays a line break (a backslash hard break),
 * because the lines of a clause (a), b), - …) are meant as written.
 */
function paragraphs(text: string): string {
  return normaliseParagraphs(text)
    .split('\n\n')
    .map((paragraph) => paragraph.split('\n').map(escapeLine).join('\\\n'))
    .join('\n\n');
}

function clauseHeading(clause: Clause, label: string): string {
  const heading = clause.heading ? ` ${escapeHeading(clause.heading)}` : '';
  return `## ${label} ${escapeHeading(clause.number)}.${heading}`;
}

/**
 * Renders a version as Markdown: the title, a line with version number and hash, the preamble, then
 * `## Điều 1. <heading>` (or `## Article 1. <heading>`) and the text of each clause. The text is
 * escaped so that it shows exactly as written; the output ends with one line break.
 */
export function toMarkdown(content: DocumentContent, meta: MarkdownMeta): string {
  const labels = LABELS[meta.language];
  const blocks = [`# ${escapeHeading(content.title)}`, labels.version(meta.version, meta.hash)];
  if (content.preamble) blocks.push(paragraphs(content.preamble));
  for (const clause of content.clauses) blocks.push(clauseHeading(clause, labels.clause), paragraphs(clause.text));
  return `${blocks.join('\n\n')}\n`;
}
