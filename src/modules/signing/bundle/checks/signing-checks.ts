import { canonicalJson } from '../../../../common/hashing/canonical-json';
import type { Text } from '../../../../common/i18n/language';
import { verifyPasskeyEvidence } from '../../passkey/passkey-ceremonies';
import type { PasskeyEvidence } from '../../passkey/passkey-verdict';
import { parseStatement, SigningStatement } from '../../statement/signing-statement';
import { consolidateRegistrations } from '../../statement/title-registrations';
import { verifyDetachedCms } from '../../x509/cms-verifier';
import { sha256OfBytes } from '../bundle-archive';
import { BundleCheck, fromProblems, guarded, shortHash } from '../bundle-check';
import type { BundleContents, LoadedEnvelope, LoadedSignature } from '../bundle-contents';

/** Keys name the unit; a second signing of the same campaign (after a decline) adds its number. */
const suffix = ({ envelope }: LoadedEnvelope): string => (envelope.number > 1 ? ` (${envelope.number})` : '');

const statementOf = (signature: LoadedSignature): SigningStatement | undefined =>
  signature.statement ? parseStatement(Buffer.from(signature.statement).toString('utf8')) : undefined;

/**
 * The text adopted = the text voted on = the text each unit signed: the envelope's hash is the adoption poll's subject
 * hash (a poll that passed), the hash of the version it names, the campaign's adopted hash for the last signing, and
 * every statement's content hash.
 */
export function adoptedChecks({ envelopes, polls, versions, campaign }: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    envelopes.map((loaded, index) => {
      const { envelope } = loaded;
      const key = `adopted${suffix(loaded)}`;
      const subject = { vi: `Văn bản đã thông qua, đã ký${suffix(loaded)}`, en: `Text adopted and signed${suffix(loaded)}` };
      return guarded(key, subject, () => {
        const hash = envelope.contentHash;
        const problems: Text[] = [];
        const poll = polls.find((candidate) => candidate.id === envelope.adoptionPollId);
        if (!poll) problems.push({ vi: 'thiếu cuộc biểu quyết thông qua', en: 'the adoption poll is missing' });
        else {
          if (poll.subject.hash !== hash) problems.push({ vi: `cuộc biểu quyết thông qua văn bản có mã băm ${shortHash(poll.subject.hash)}, không phải ${shortHash(hash)}`, en: `the adoption poll voted on hash ${shortHash(poll.subject.hash)}, not ${shortHash(hash)}` });
          if (poll.outcome !== 'passed') problems.push({ vi: `cuộc biểu quyết có kết quả “${String(poll.outcome)}”, không phải thông qua`, en: `the adoption poll's outcome is "${String(poll.outcome)}", not passed` });
        }
        const version = versions.find((candidate) => candidate.number === envelope.versionNumber);
        if (!version) problems.push({ vi: `thiếu phiên bản ${envelope.versionNumber}`, en: `version ${envelope.versionNumber} is missing` });
        else if (version.contentHash !== hash) problems.push({ vi: `phiên bản ${version.number} có mã băm ${shortHash(version.contentHash)}, không phải ${shortHash(hash)}`, en: `version ${version.number} has hash ${shortHash(version.contentHash)}, not ${shortHash(hash)}` });
        const last = index === envelopes.length - 1;
        if (last && campaign?.adopted && campaign.adopted.contentHash !== hash) problems.push({ vi: `đợt vận động ghi văn bản thông qua có mã băm ${shortHash(campaign.adopted.contentHash)}`, en: `the campaign records the adopted hash ${shortHash(campaign.adopted.contentHash)}` });
        for (const signature of loaded.signatures) {
          const statement = statementOf(signature);
          if (statement && statement.document.contentHash !== hash) {
            problems.push({ vi: `lời cam kết của ${signature.record.unit.code} ký văn bản có mã băm ${shortHash(statement.document.contentHash)}, không phải ${shortHash(hash)}`, en: `${signature.record.unit.code}'s statement signs hash ${shortHash(statement.document.contentHash)}, not ${shortHash(hash)}` });
          }
        }
        return fromProblems(key, subject, problems, {
          vi: `phiên bản ${envelope.versionNumber}, mã băm ${shortHash(hash)}: cùng một văn bản được biểu quyết thông qua và được ${loaded.signatures.length} đơn vị ký`,
          en: `version ${envelope.versionNumber}, hash ${shortHash(hash)}: the same text was adopted by the vote and signed by ${loaded.signatures.length} units`,
        });
      });
    }),
  );
}

/** The consolidated title registrations hash to what the envelope and every statement carry. */
export function registrationChecks({ envelopes }: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    envelopes.map((loaded) => {
      const key = `registrations${suffix(loaded)}`;
      const subject = { vi: `Đăng ký danh hiệu${suffix(loaded)}`, en: `Title registrations${suffix(loaded)}` };
      return guarded(key, subject, () => {
        const expected = loaded.envelope.registrationsHash;
        const problems: Text[] = [];
        const list = loaded.registrations?.registrations ?? [];
        const recomputed = list.length ? consolidateRegistrations(list).hash : null;
        if (recomputed !== expected) problems.push({ vi: `mã băm tính lại ${shortHash(recomputed)} khác mã băm của đợt ký ${shortHash(expected)}`, en: `the recomputed hash ${shortHash(recomputed)} differs from the signing's ${shortHash(expected)}` });
        for (const signature of loaded.signatures) {
          const statement = statementOf(signature);
          if (statement && statement.titleRegistrationsHash !== expected) problems.push({ vi: `lời cam kết của ${signature.record.unit.code} mang mã băm đăng ký khác`, en: `${signature.record.unit.code}'s statement carries another registrations hash` });
        }
        return fromProblems(key, subject, problems, { vi: `${list.length} đơn vị, mã băm ${shortHash(recomputed)} khớp với mọi lời cam kết`, en: `${list.length} units, hash ${shortHash(recomputed)} matches every statement` });
      });
    }),
  );
}

/** Every signature verifies by its method, over the exact statement it names. */
export function signatureChecks(contents: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    contents.envelopes.flatMap((loaded) =>
      loaded.signatures.map((signature) => {
        const unit = signature.record.unit?.code;
        const key = `signature:${unit}${suffix(loaded)}`;
        const subject = { vi: `chữ ký của ${unit}${suffix(loaded)}`, en: `signature of ${unit}${suffix(loaded)}` };
        return guarded(key, subject, async () => fromProblems(key, subject, await signatureProblems(signature, contents), methodOk(signature)));
      }),
    ),
  );
}

function methodOk(signature: LoadedSignature): Text {
  const by = signature.record.signer.fullName;
  switch (signature.record.method) {
    case 'passkey':
      return { vi: `${by} ký bằng khóa truy cập; chữ ký hợp lệ với khóa công khai đã đăng ký, trên mã băm của lời cam kết`, en: `${by} signed with a passkey; valid with the registered public key over the statement hash` };
    case 'x509':
      return { vi: `${by} ký số (X.509); chữ ký, chuỗi chứng thư đến gốc tin cậy và hiệu lực tại thời điểm ký đều hợp lệ (không kiểm tra thu hồi trực tuyến)`, en: `${by} signed digitally (X.509); signature, chain to a trust anchor and validity at the signing time hold (revocation not checked online)` };
    case 'paper':
      return { vi: `${by} ký trên giấy; bản quét khớp mã băm và đơn vị đã xác nhận`, en: `${by} signed on paper; the scan matches its hash and the unit confirmed it` };
  }
}

async function signatureProblems(signature: LoadedSignature, contents: BundleContents): Promise<Text[]> {
  const { record } = signature;
  if (!signature.statement) return [{ vi: 'thiếu tệp lời cam kết', en: 'the statement file is missing' }];
  const text = Buffer.from(signature.statement).toString('utf8');
  const statement = parseStatement(text);
  if (!statement) return [{ vi: 'tệp lời cam kết không đúng định dạng', en: 'the statement file is malformed' }];
  const problems: Text[] = [];
  const hash = sha256OfBytes(signature.statement);
  if (canonicalJson(statement) !== text) problems.push({ vi: 'lời cam kết không ở dạng JSON chuẩn tắc', en: 'the statement is not canonical JSON' });
  if (hash !== record.statementHash) problems.push({ vi: `mã băm lời cam kết ${shortHash(hash)} khác mã băm đã ký ${shortHash(record.statementHash)}`, en: `the statement hashes to ${shortHash(hash)}, not the signed ${shortHash(record.statementHash)}` });
  if (statement.unit.code !== record.unit.code) problems.push({ vi: `lời cam kết là của đơn vị ${statement.unit.code}`, en: `the statement is ${statement.unit.code}'s` });
  if (record.status !== 'valid') problems.push({ vi: `chữ ký ở trạng thái “${record.status}”, chưa có hiệu lực`, en: `the signature is "${record.status}", not valid` });
  return [...problems, ...(await methodProblems(signature, statement, hash, contents))];
}

async function methodProblems(signature: LoadedSignature, statement: SigningStatement, hash: string, contents: BundleContents): Promise<Text[]> {
  const { evidence } = signature.record;
  switch (signature.record.method) {
    case 'passkey': {
      const verdict = await verifyPasskeyEvidence(evidence as unknown as PasskeyEvidence, hash);
      return verdict.valid ? [] : [verdict.message];
    }
    case 'x509': {
      if (!signature.cms) return [{ vi: 'thiếu tệp chữ ký CMS', en: 'the CMS signature file is missing' }];
      const fingerprints = Array.isArray(evidence.registeredFingerprints) ? (evidence.registeredFingerprints as string[]) : [];
      const verdict = await verifyDetachedCms({
        statement: signature.statement!,
        signature: signature.cms,
        trustAnchors: contents.trustAnchors ? [contents.trustAnchors] : [],
        registeredFingerprints: fingerprints,
        at: new Date(statement.signedAt),
      });
      const problems: Text[] = verdict.checks.filter((check) => !check.ok).map((check) => check.message);
      const pemBody = (pem: string) => pem.replace(/\s+/g, '');
      if (verdict.valid && pemBody(signature.chain ?? '') !== pemBody(verdict.chain.join('\n'))) {
        problems.push({ vi: 'tệp chuỗi chứng thư khác chuỗi đã kiểm tra từ chữ ký', en: 'the chain file differs from the chain verified from the signature' });
      }
      return problems;
    }
    case 'paper': {
      const problems: Text[] = [];
      if (!signature.scan) problems.push({ vi: 'thiếu bản quét trang ký', en: 'the scanned page is missing' });
      else if (sha256OfBytes(signature.scan) !== evidence.scanSha256) problems.push({ vi: 'bản quét không khớp mã băm đã ghi nhận', en: 'the scan does not match its recorded hash' });
      if (!evidence.confirmedBy || !signature.record.confirmedAt) problems.push({ vi: 'đơn vị chưa xác nhận chữ ký trên giấy', en: 'the unit has not confirmed the paper signature' });
      return problems;
    }
    default:
      return [{ vi: `hình thức ký “${String(signature.record.method)}” không được hỗ trợ`, en: `unknown signing method "${String(signature.record.method)}"` }];
  }
}
