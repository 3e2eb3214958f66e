/** Longest original name kept, in characters (code points); the column holds 255. */
export const MAX_ORIGINAL_NAME_LENGTH = 255;

const FALLBACK_NAME = 'tep';

/**
 * Characters removed from a file name: C0 and C1 controls and DEL, lone surrogates, and the bidirectional overrides
 * and isolates, which could make `hoso` + U+202E + `fdp.exe` show as `hosoexe.pdf`.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The name an uploaded file is kept and offered under: its last path segment only (browsers used to send the full
 * `C:\…` path), without control, bidi-override or unpaired surrogate characters, in Unicode NFC (macOS sends NFD
 * Vietnamese), trimmed, at most 255 characters with the extension kept when shortened; `tep` when nothing is left.
 */
export function sanitiseOriginalName(name: string): string {
  const lastSegment = name.split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.replace(UNWANTED, '').normalize('NFC').trim();
  // '.' and '..' are path steps, not names; leading dots would hide the file on Unix.
  const visible = cleaned.replace(/^\.+/, '').trim();
  if (!visible) return FALLBACK_NAME;
  const characters = Array.from(visible);
  if (characters.length <= MAX_ORIGINAL_NAME_LENGTH) return visible;
  const dot = visible.lastIndexOf('.');
  const extension = dot > 0 && visible.length - dot <= 16 ? Array.from(visible.slice(dot)) : [];
  return characters.slice(0, MAX_ORIGINAL_NAME_LENGTH - extension.length).join('').trimEnd() + extension.join('');
}

/** The extension of a name, lowercase, without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** An ASCII stand-in for old clients: Vietnamese letters without their marks (đ → d), anything else unsafe as `_`. */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  return ascii.trim() || FALLBACK_NAME;
}

/** RFC 5987 `ext-value` characters: everything else is percent-encoded from UTF-8. */
const encodeRfc5987 = (value: string): string => encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` for a download: `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name>` (RFC 6266
 * with RFC 5987), so that Vietnamese names survive in every current browser and old ones still get a usable name.
 */
export function attachmentDisposition(name: string): string {
  const safe = sanitiseOriginalName(name);
  return `attachment; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
