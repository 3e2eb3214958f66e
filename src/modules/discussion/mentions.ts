import type { Mention } from './entities/discussion-comment.entity';

/**
 * The names mentioned in a comment body: `@VKS-HTI` (a unit code) or `@hatinh.canbo` (a username).
 * A mention starts after the beginning, whitespace or an opening bracket/quote, so `thu@vks.gov.vn` is an
 * e-mail address, not a mention; trailing punctuation ("@VKS-QBI." at the end of a sentence) is not part of it.
 * Each name once, in the order first written; whether it names a unit or a person is decided by `resolveMentions`.
 */
export function mentionedNames(body: string): string[] {
  const names: string[] = [];
  for (const match of body.normalize('NFC').matchAll(/(?<=^|[\s([{"'“‘,;:])@([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/g)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/**
 * The mentions that name something that exists: a unit by its exact code, else a person by username
 * (usernames are lower case, so `@HaTinh.CanBo` finds `hatinh.canbo`). Unknown names are plain text.
 * @param unitIds unit id by code; @param personIds person id by lower-case username.
 */
export function resolveMentions(names: string[], unitIds: Map<string, string>, personIds: Map<string, string>): Mention[] {
  const mentions: Mention[] = [];
  for (const name of names) {
    const unitId = unitIds.get(name);
    const personId = personIds.get(name.toLowerCase());
    const mention: Mention | undefined = unitId ? { kind: 'unit', id: unitId, code: name } : personId ? { kind: 'person', id: personId, code: name.toLowerCase() } : undefined;
    if (mention && !mentions.some((known) => known.kind === mention.kind && known.id === mention.id)) mentions.push(mention);
  }
  return mentions;
}
