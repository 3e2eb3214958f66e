import { canonicalJson, sha256Hex } from '../../../common/hashing/canonical-json';

export const STATEMENT_KIND = 'thidua.signing-statement';
export const STATEMENT_FORMAT = 1;

/**
 * What a unit's signer commits to (lời cam kết ký): the exact text adopted (by its content hash, never the document
 * id alone), the consolidated title registrations presented at signing, the unit, the person and the mandate under
 * which they sign, and the time. Its canonical JSON is the file any signing tool signs; its SHA-256 is the value a
 * passkey signs as its challenge.
 */
export interface SigningStatement {
  kind: typeof STATEMENT_KIND;
  formatVersion: typeof STATEMENT_FORMAT;
  campaign: { id: string; name: string; year: number };
  document: { id: string; title: string; versionNumber: number; contentHash: string };
  /** SHA-256 of the consolidated title registrations (đăng ký danh hiệu), or null when the workflow has none. */
  titleRegistrationsHash: string | null;
  unit: { id: string; code: string; name: string };
  signer: { personId: string; fullName: string; mandateId: string; role: string };
  /** ISO 8601 in UTC, to the second. */
  signedAt: string;
}

/** The statement's bytes as a signing tool signs them: UTF-8 of its canonical JSON. */
export function statementBytes(statement: SigningStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}

/** The value signed: SHA-256 of the statement's canonical JSON, lowercase hex. */
export function statementHash(statement: SigningStatement): string {
  return sha256Hex(canonicalJson(statement));
}

/** The time as statements carry it: UTC, whole seconds, so that every tool prints the same text. */
export function statementTime(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Reads a statement file (as a signer uploads or sends it back): JSON with exactly the statement's fields in a
 * known format. Returns undefined for anything else; whether it is the *right* statement is `statementMismatches`.
 */
export function parseStatement(text: string): SigningStatement | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const s = value as Partial<SigningStatement>;
  if (s.kind !== STATEMENT_KIND || s.formatVersion !== STATEMENT_FORMAT) return undefined;
  const strings = [s.campaign?.id, s.campaign?.name, s.document?.id, s.document?.title, s.document?.contentHash, s.unit?.id, s.unit?.code, s.unit?.name, s.signer?.personId, s.signer?.fullName, s.signer?.mandateId, s.signer?.role, s.signedAt];
  if (strings.some((item) => typeof item !== 'string')) return undefined;
  if (!Number.isInteger(s.campaign?.year) || !Number.isInteger(s.document?.versionNumber)) return undefined;
  if (s.titleRegistrationsHash !== null && typeof s.titleRegistrationsHash !== 'string') return undefined;
  if (Number.isNaN(Date.parse(s.signedAt!))) return undefined;
  return s as SigningStatement;
}

/**
 * The fields of `signed` that differ from what this signer must sign now (`expected`, whose `signedAt` is ignored):
 * empty when the statement is the right one. Names the fields so that a refusal can say what was wrong.
 */
export function statementMismatches(signed: SigningStatement, expected: SigningStatement): string[] {
  const mismatches: string[] = [];
  const compare = (path: string, a: unknown, b: unknown) => {
    if (canonicalJson(a) !== canonicalJson(b)) mismatches.push(path);
  };
  compare('campaign', signed.campaign, expected.campaign);
  compare('document.id', signed.document.id, expected.document.id);
  compare('document.versionNumber', signed.document.versionNumber, expected.document.versionNumber);
  compare('document.contentHash', signed.document.contentHash, expected.document.contentHash);
  compare('document.title', signed.document.title, expected.document.title);
  compare('titleRegistrationsHash', signed.titleRegistrationsHash, expected.titleRegistrationsHash);
  compare('unit', signed.unit, expected.unit);
  compare('signer', signed.signer, expected.signer);
  return mismatches;
}
