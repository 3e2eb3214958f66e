import { canonicalJson, sha256Hex } from '../../../../common/hashing/canonical-json';
import type { Text } from '../../../../common/i18n/language';
import { BundleCheck, failed, fromProblems, guarded, shortHash } from '../bundle-check';
import type { BundleHistoryEvent } from '../bundle-format';
import type { BundleContents } from '../bundle-contents';

const GENESIS_HASH = '0'.repeat(64);
const SUBJECT: Text = { vi: 'Lịch sử đợt vận động', en: 'Campaign history' };
const ARTEFACTS: Text = { vi: 'Lịch sử ghi nhận mọi hồ sơ', en: 'History names every artefact' };

/**
 * An event's hash as the engine computes it (campaign-history.service.ts; the bundle's history.json states the same
 * formula): SHA-256 of the previous hash followed by the canonical JSON of the event.
 */
export function eventHash(campaignId: string, prevHash: string, event: BundleHistoryEvent): string {
  const { seq, type, actor, data, occurredAt } = event;
  return sha256Hex(prevHash + canonicalJson({ campaignId, seq, type, actor, data, occurredAt }));
}

/** The chain is whole: events 1..n in order, each linked to the previous one and hashing to what it records. */
export function historyCheck({ history, campaign }: BundleContents): Promise<BundleCheck> {
  return guarded('history', SUBJECT, () => {
    if (!history) return failed('history', `${SUBJECT.vi}: thiếu tệp history.json`, `${SUBJECT.en}: history.json is missing`);
    const problems: Text[] = [];
    if (campaign && history.campaignId !== campaign.id) problems.push({ vi: 'lịch sử thuộc về một đợt vận động khác', en: 'the history belongs to another campaign' });
    let prevHash = GENESIS_HASH;
    for (const [index, event] of history.events.entries()) {
      const where = { vi: `sự kiện số ${event.seq} (${event.type})`, en: `event ${event.seq} (${event.type})` };
      if (event.seq !== index + 1) {
        problems.push({ vi: `thiếu sự kiện số ${index + 1}`, en: `event ${index + 1} is missing` });
        break;
      }
      if (event.prevHash !== prevHash) problems.push({ vi: `${where.vi}: liên kết với sự kiện trước bị đứt`, en: `${where.en}: the link to the previous event is broken` });
      else if (eventHash(history.campaignId, prevHash, event) !== event.hash) problems.push({ vi: `${where.vi}: nội dung đã bị sửa (mã băm tính lại khác)`, en: `${where.en}: its content was changed (the recomputed hash differs)` });
      if (problems.length) break;
      prevHash = event.hash;
    }
    return fromProblems('history', SUBJECT, problems, { vi: `${history.events.length} sự kiện, chuỗi băm liền mạch đến ${shortHash(prevHash)}`, en: `${history.events.length} events, the hash chain is whole up to ${shortHash(prevHash)}` });
  });
}

/** Every string anywhere in a value: where ids and hashes are named in an event's data. */
function stringsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, into));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => stringsIn(item, into));
  return into;
}

/** Each poll, each signing envelope, each signature (by its statement hash) and each document version (by its hash) appears in the history. */
export function artefactsCheck({ history, polls, envelopes, versions }: BundleContents): Promise<BundleCheck> {
  return guarded('history:artefacts', ARTEFACTS, () => {
    if (!history) return failed('history:artefacts', `${ARTEFACTS.vi}: thiếu tệp history.json`, `${ARTEFACTS.en}: history.json is missing`);
    const named = stringsIn(history.events.map((event) => event.data), new Set());
    const missing: Text[] = [
      ...polls.filter((poll) => !named.has(poll.id)).map((poll) => ({ vi: `cuộc biểu quyết “${poll.subject.label}”`, en: `poll “${poll.subject.label}”` })),
      ...versions.filter((version) => !named.has(version.contentHash)).map((version) => ({ vi: `phiên bản ${version.number}`, en: `version ${version.number}` })),
      ...envelopes.filter(({ envelope }) => !named.has(envelope.id)).map(({ envelope }) => ({ vi: `đợt ký số ${envelope.number}`, en: `signing ${envelope.number}` })),
      ...envelopes.flatMap(({ signatures }) =>
        signatures.filter((signature) => !named.has(signature.record.statementHash)).map(({ record }) => ({ vi: `chữ ký của ${record.unit.code}`, en: `the signature of ${record.unit.code}` })),
      ),
    ];
    const count = polls.length + versions.length + envelopes.reduce((sum, loaded) => sum + 1 + loaded.signatures.length, 0);
    const problems = missing.length ? [{ vi: `không nhắc tới ${missing.map((m) => m.vi).join(', ')}`, en: `does not name ${missing.map((m) => m.en).join(', ')}` }] : [];
    return fromProblems('history:artefacts', ARTEFACTS, problems, { vi: `${count} hồ sơ (biểu quyết, phiên bản, đợt ký, chữ ký) đều có trong lịch sử`, en: `all ${count} artefacts (polls, versions, signings, signatures) appear in it` });
  });
}
