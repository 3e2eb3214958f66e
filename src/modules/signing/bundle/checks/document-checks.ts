import { AppError } from '../../../../common/errors/app-error';
import { contentHash } from '../../../../common/hashing/canonical-json';
import type { Text } from '../../../../common/i18n/language';
import { mergeAmendments, mergeInputOf } from '../../../documents/content/amendment-merge';
import { documentHash } from '../../../documents/content/document-content';
import { BundleCheck, fromProblems, guarded, shortHash } from '../bundle-check';
import type { BundleAmendment, BundleVersion } from '../bundle-format';
import type { BundleContents } from '../bundle-contents';

const versionSubject = (version: BundleVersion): Text => ({ vi: `Phiên bản ${version.number} của văn bản`, en: `Version ${version.number} of the document` });

/** Each version's hash recomputed from its content (normalised, canonical JSON, SHA-256) is the hash it records. */
export function versionChecks({ versions }: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    versions.map((version) =>
      guarded(`version:${version.number}`, versionSubject(version), () => {
        const recomputed = documentHash(version.content);
        const problems: Text[] =
          recomputed === version.contentHash
            ? []
            : [{ vi: `mã băm tính lại từ nội dung (${shortHash(recomputed)}) khác mã băm ghi nhận (${shortHash(version.contentHash)})`, en: `the hash recomputed from the content (${shortHash(recomputed)}) differs from the recorded hash (${shortHash(version.contentHash)})` }];
        return fromProblems(`version:${version.number}`, versionSubject(version), problems, { vi: `mã băm ${shortHash(recomputed)} tính lại từ nội dung khớp`, en: `hash ${shortHash(recomputed)} recomputed from the content matches` });
      }),
    ),
  );
}


const amendmentName = (amendment: BundleAmendment): Text => ({ vi: `sửa đổi số ${amendment.number} (${amendment.unit?.code})`, en: `amendment ${amendment.number} (${amendment.unit?.code})` });

/**
 * Every version after the first: its base merged with the amendments it names (in the order its changelog applied
 * them) gives exactly its content hash; the amendments it names are the ones marked merged into it.
 */
export function mergeChecks({ versions, amendments }: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    versions
      .filter((version) => version.number > 1)
      .map((version) =>
        guarded(`merge:${version.number}`, versionSubject(version), () => {
          const key = `merge:${version.number}`;
          const subject = versionSubject(version);
          const order = version.changelog.amendments.map((entry) => entry.amendmentId);
          const merged = amendments.filter((amendment) => amendment.mergedIntoVersion === version.number);
          const base = versions.find((candidate) => candidate.number === (version.basedOnNumber ?? version.number - 1));
          const problems: Text[] = [];
          if (!base) problems.push({ vi: `thiếu phiên bản gốc ${version.basedOnNumber ?? version.number - 1}`, en: `its base version ${version.basedOnNumber ?? version.number - 1} is missing` });
          const missing = order.filter((id) => !merged.some((amendment) => amendment.id === id));
          const unnamed = merged.filter((amendment) => !order.includes(amendment.id));
          if (missing.length) problems.push({ vi: `nhật ký thay đổi nêu sửa đổi không có trong hồ sơ hoặc không ghi là đã ghép (${missing.join(', ')})`, en: `the changelog names amendments not in the bundle or not marked merged (${missing.join(', ')})` });
          for (const amendment of unnamed) problems.push({ vi: `${amendmentName(amendment).vi} ghi là đã ghép nhưng nhật ký thay đổi không nêu`, en: `${amendmentName(amendment).en} is marked merged but the changelog does not name it` });
          if (!base || problems.length) return fromProblems(key, subject, problems, { vi: '', en: '' });
          if (!order.length) {
            return fromProblems(key, subject, [], { vi: 'được soạn trực tiếp, không do sửa đổi nào tạo ra: chỉ kiểm được mã băm', en: 'written directly, not made by amendments: only its hash can be checked' });
          }
          let recomputed: string;
          try {
            recomputed = documentHash(mergeAmendments(base.content, merged.map(mergeInputOf), order).content);
          } catch (error) {
            const code = error instanceof AppError ? error.code : String(error);
            return fromProblems(key, subject, [{ vi: `không ghép được các sửa đổi vào phiên bản ${base.number} (${code})`, en: `the amendments do not merge into version ${base.number} (${code})` }], { vi: '', en: '' });
          }
          const names = merged.map((amendment) => amendment.number).join(', ');
          if (recomputed !== version.contentHash) {
            problems.push({
              vi: `ghép sửa đổi số ${names} vào phiên bản ${base.number} cho mã băm ${shortHash(recomputed)}, không phải mã băm của phiên bản ${version.number} (${shortHash(version.contentHash)})`,
              en: `merging amendment(s) ${names} into version ${base.number} gives hash ${shortHash(recomputed)}, not version ${version.number}'s (${shortHash(version.contentHash)})`,
            });
          }
          return fromProblems(key, subject, problems, { vi: `ghép sửa đổi số ${names} vào phiên bản ${base.number} cho đúng mã băm ${shortHash(recomputed)}`, en: `merging amendment(s) ${names} into version ${base.number} gives exactly hash ${shortHash(recomputed)}` });
        }),
      ),
  );
}

/**
 * Each amendment and its decision: its poll voted on exactly this amendment (the subject hash recomputed from its
 * fields), and an amendment accepted or merged was passed by that poll.
 */
export function amendmentChecks({ amendments, polls }: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    amendments.map((amendment) =>
      guarded(`amendment:${amendment.number}`, amendmentName(amendment), () => {
        const subject = { vi: `Sửa đổi số ${amendment.number} (${amendment.unit.code})`, en: `Amendment ${amendment.number} (${amendment.unit.code})` };
        const poll = amendment.pollId ? polls.find((candidate) => candidate.id === amendment.pollId) : undefined;
        const problems: Text[] = [];
        const adopted = amendment.status === 'accepted' || amendment.status === 'merged';
        if (!poll) {
          if (amendment.pollId || adopted) problems.push({ vi: 'thiếu cuộc biểu quyết đã quyết định sửa đổi', en: 'the poll that decided it is missing' });
        } else {
          const { documentId, baseVersion, kind, clauseId, heading, text } = amendment;
          const subjectHash = contentHash({ documentId, baseVersion, kind, clauseId, heading, text });
          if (poll.subject.hash !== subjectHash) problems.push({ vi: `nội dung sửa đổi (mã băm ${shortHash(subjectHash)}) khác nội dung đã biểu quyết (${shortHash(poll.subject.hash)})`, en: `its content (hash ${shortHash(subjectHash)}) differs from what was voted on (${shortHash(poll.subject.hash)})` });
          if (adopted && poll.outcome !== 'passed') problems.push({ vi: `ghi là được chấp nhận nhưng cuộc biểu quyết có kết quả “${String(poll.outcome)}”`, en: `recorded as accepted but its poll's outcome is "${String(poll.outcome)}"` });
        }
        const decision = poll?.outcome ? ` — ${poll.outcome}` : '';
        return fromProblems(`amendment:${amendment.number}`, subject, problems, { vi: `${amendment.status}${decision}; khớp với cuộc biểu quyết`, en: `${amendment.status}${decision}; matches its poll` });
      }),
    ),
  );
}
