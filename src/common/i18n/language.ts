export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** A text in every language the product speaks; Vietnamese first. */
export type Text = Record<Language, string>;

interface LanguageSource {
  query?: Record<string, unknown>;
  cookies?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}

const asLanguage = (value: unknown): Language | undefined =>
  typeof value === 'string' && (LANGUAGES as string[]).includes(value) ? (value as Language) : undefined;

/** The language the person chose: `?lang=`, then the `lang` cookie the page switch sets. */
const explicitLanguage = (request: LanguageSource): Language | undefined => asLanguage(request.query?.lang) ?? asLanguage(request.cookies?.lang);

/**
 * Picks the language of an API request: `?lang=`, then the `lang` cookie set by the
 * page switch, then the first supported tag of Accept-Language; Vietnamese by default. Pages use chosenLanguage.
 */
export function resolveLanguage(request: LanguageSource): Language {
  const explicit = explicitLanguage(request);
  if (explicit) return explicit;
  const header = request.headers['accept-language'];
  const tags = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase().split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((t) => t.tag && t.q > 0)
    .sort((a, b) => b.q - a.q);
  return tags.map((t) => asLanguage(t.tag)).find(Boolean) ?? 'vi';
}

/** Whether a value is a text in every language (`{ vi, en }`). */
export function isText(value: unknown): value is Text {
  const candidate = value as Partial<Text> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.vi === 'string' && typeof candidate.en === 'string';
}

/**
 * Fills `{name}` placeholders. A param given in every language (a role's name, a day as each reader writes it) is
 * shown in `language`.
 */
export function interpolate(template: string, params: Record<string, unknown> = {}, language: Language = 'vi'): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => {
    if (!(key in params)) return match;
    const value = params[key];
    return isText(value) ? value[language] : String(value);
  });
}

/**
 * The language of a page: the person's choice (`?lang=`, then the `lang` cookie the switch sets), else Vietnamese.
 * Unlike resolveLanguage, never the browser's Accept-Language: an office PC set up in English still shows
 * Vietnamese pages until its user chooses otherwise.
 */
export function chosenLanguage(request: LanguageSource): Language {
  return explicitLanguage(request) ?? 'vi';
}
