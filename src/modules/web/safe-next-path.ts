const MAX_LENGTH = 2000;
const BASE = 'http://thidua.invalid';

const hasControlCharacter = (value: string) => [...value].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);

/**
 * Returns `value` when it is a same-site relative path (one leading '/', no scheme, no host),
 * normalised; anything else is undefined, so a sign-in link can never send a person elsewhere.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return undefined;
  // '//host' and '/\host' are protocol-relative to browsers; control characters hide such tricks.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || hasControlCharacter(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
