import { readBundle } from './bundle-archive';
import { BundleCheck, failed } from './bundle-check';
import { loadContents } from './bundle-contents';
import { amendmentChecks, mergeChecks, versionChecks } from './checks/document-checks';
import { artefactsCheck, historyCheck } from './checks/history-checks';
import { manifestCheck } from './checks/manifest-check';
import { ballotChecks, tallyChecks } from './checks/poll-checks';
import { adoptedChecks, registrationChecks, signatureChecks } from './checks/signing-checks';

export type { BundleCheck } from './bundle-check';
export { formatChecks } from './bundle-check';

/**
 * Verifies a campaign's verification bundle (hồ sơ kiểm chứng) from its zip bytes alone: no database, no Redis, no
 * network, no Nest, so `thidua verify` and the public /verify page give the same verdicts anywhere. Returns every
 * check, passed or not, in a fixed order: the manifest, the document's versions and merged amendments, the polls'
 * ballots and tallies, the adopted text against the vote and the statements, the registrations, each signature, and
 * the history. Never throws.
 */
export async function verifyBundle(bytes: Uint8Array): Promise<BundleCheck[]> {
  const reading = readBundle(bytes);
  if (!reading.ok) {
    return reading.reason === 'too-large'
      ? [failed('archive', 'Tệp nén quá lớn hoặc quá nhiều tệp để là một hồ sơ kiểm chứng', 'The archive is too large, or holds too many files, to be a verification bundle')]
      : [failed('archive', 'Không đọc được tệp: không phải tệp nén zip', 'The file could not be read: it is not a zip archive')];
  }
  const contents = loadContents(reading.files);
  const unreadable = contents.unreadable.map((path) => failed(`file:${path}`, `Tệp ${path} không phải JSON hợp lệ`, `${path} is not valid JSON`));
  return [
    manifestCheck(contents),
    ...unreadable,
    ...(await versionChecks(contents)),
    ...(await mergeChecks(contents)),
    ...(await amendmentChecks(contents)),
    ...(await ballotChecks(contents)),
    ...(await tallyChecks(contents)),
    ...(await adoptedChecks(contents)),
    ...(await registrationChecks(contents)),
    ...(await signatureChecks(contents)),
    await historyCheck(contents),
    await artefactsCheck(contents),
  ];
}
