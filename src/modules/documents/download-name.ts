/** A file name from a Vietnamese title: no diacritics (đ → d), lowercase words joined by '-'. */
export function downloadName(title: string, version: number, extension: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'van-ban'}-v${version}.${extension}`;
}
