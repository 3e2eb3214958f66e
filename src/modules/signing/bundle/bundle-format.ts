import type { DocumentContent } from '../../documents/content/document-content';
import type { DocumentChangelog } from '../../documents/entities/document-version.entity';
import type { StoredChoice } from '../../voting/entities/ballot.entity';
import type { CandidateDecision, PollCandidate } from '../../voting/entities/poll.entity';
import type { Decision, VotingOutcome } from '../../voting/rules/tally';
import type { VotingRule } from '../../voting/rules/voting-rule';
import type { UnitRegistration } from '../statement/title-registrations';

/*
 * The verification bundle (hồ sơ kiểm chứng) of a campaign: one zip that the exporter writes and the offline verifier
 * reads. This file is the contract between them: the paths and the JSON of every file. A file is JSON unless its
 * name says otherwise; a change of meaning takes a new BUNDLE_FORMAT.
 */

export const BUNDLE_KIND = 'thidua.verification-bundle';
export const BUNDLE_FORMAT = 1;

/** The campaign's history formula, written into history.json so that a reader without this code can recompute it. */
export const HISTORY_HASH_FORMULA =
  'hash = sha256_hex(prevHash + canonicalJson({ campaignId, seq, type, actor, data, occurredAt })); canonical JSON sorts object keys at every level and has no whitespace; the first prevHash is 64 zeros';

export const BUNDLE_PATHS = {
  manifest: 'manifest.json',
  campaign: 'campaign.json',
  history: 'history.json',
  trustAnchors: 'signing/trust-anchors.pem',
  version: (number: number) => `document/versions/${number}.json`,
  versionPdf: (number: number) => `document/versions/${number}.pdf`,
  amendment: (number: number) => `document/amendments/${number}.json`,
  poll: (pollId: string) => `polls/${pollId}.json`,
  /** Envelopes are numbered 1, 2… in the order opened (a declined signing, then another after a new adoption). */
  envelope: (envelope: number) => `signing/${envelope}/envelope.json`,
  registrations: (envelope: number) => `signing/${envelope}/title-registrations.json`,
  signatureDir: (envelope: number, unitCode: string) => `signing/${envelope}/signatures/${unitCode}`,
} as const;

/** Files of one signature, under its directory. */
export const SIGNATURE_FILES = {
  /** The statement exactly as signed: the bytes of its canonical JSON. */
  statement: 'statement.json',
  signature: 'signature.json',
  /** X.509: the detached CMS, DER. */
  cms: 'signature.p7s',
  /** X.509: the chain the server verified, signer first, PEM. */
  chain: 'chain.pem',
  /** Paper: the scanned signed page, with the extension of its type. */
  scan: (mimeType: string) => `scan.${SCAN_EXTENSIONS[mimeType] ?? 'bin'}`,
} as const;

export const SCAN_EXTENSIONS: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** manifest.json: every other file of the bundle with its SHA-256; the manifest does not list itself. */
export interface BundleManifest {
  kind: typeof BUNDLE_KIND;
  formatVersion: typeof BUNDLE_FORMAT;
  generatedAt: string;
  campaign: { id: string; name: string; year: number };
  hashAlgorithm: 'sha256';
  files: ManifestFile[];
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

/** campaign.json: what the workflow engine remembers of the campaign's documents, polls and signings. */
export interface BundleCampaign {
  id: string;
  name: string;
  year: number;
  status: string;
  cluster: { id: string; name: string } | null;
  documentId: string | null;
  /** The version the last adoption vote passed (`context.adopted`), or null before any. */
  adopted: { documentVersionId: string; contentHash: string; pollId: string } | null;
}

export interface BundleVersion {
  documentId: string;
  documentTitle: string;
  number: number;
  /** The normalised content; `contentHash` is SHA-256 of its canonical JSON. */
  content: DocumentContent;
  contentHash: string;
  basedOnNumber: number | null;
  changelog: DocumentChangelog;
  createdAt: string;
}

export interface BundleAmendment {
  id: string;
  number: number;
  documentId: string;
  baseVersion: number;
  unit: UnitRef;
  kind: 'replace' | 'insert' | 'delete';
  clauseId: string | null;
  heading: string | null;
  text: string | null;
  justification: string;
  status: string;
  decidedAt: string | null;
  decisionNote: string | null;
  pollId: string | null;
  mergedIntoVersion: number | null;
}

/** An open poll's counted ballot: whose it is, the choice and the receipt it was given. */
export interface BundleOpenBallot {
  voterKey: string;
  unit: UnitRef | null;
  choice: StoredChoice;
  sequence: number;
  castAt: string;
  receipt: string;
}

/**
 * A secret poll keeps who voted what apart: the receipts (each voter can find theirs) and the choices, both sorted,
 * so that the tally can be recomputed while neither list can be matched to the other.
 */
export interface BundleSecretBallots {
  receipts: string[];
  choices: StoredChoice[];
}

export interface BundlePoll {
  id: string;
  subject: { kind: string; id: string; hash: string; label: string };
  electorate: { kind: 'units' | 'people'; members: Array<{ id: string; code: string | null; name: string | null }> };
  chairUnitId: string | null;
  rule: VotingRule;
  candidates: PollCandidate[] | null;
  status: string;
  opensAt: string;
  closedAt: string | null;
  closeReason: string | null;
  outcome: VotingOutcome | null;
  decision: Decision | null;
  candidateDecisions: CandidateDecision[] | null;
  ballots: { secrecy: 'open'; counted: BundleOpenBallot[] } | ({ secrecy: 'secret' } & BundleSecretBallots);
}

export interface BundleEnvelope {
  id: string;
  number: number;
  stageRunId: string;
  documentId: string;
  versionNumber: number;
  contentHash: string;
  adoptionPollId: string | null;
  registrationsHash: string | null;
  signerRoles: string[];
  methods: string[];
  status: string;
  inForceAt: string | null;
}

export interface BundleRegistrations {
  registrations: UnitRegistration[];
  hash: string | null;
}

/** signature.json: who signed, how, and the evidence the method keeps (binary files beside it). */
export interface BundleSignature {
  id: string;
  unit: UnitRef;
  signer: { personId: string; fullName: string };
  mandateId: string;
  method: 'passkey' | 'x509' | 'paper';
  statementHash: string;
  signedAt: string;
  status: string;
  confirmedAt: string | null;
  /** passkey: the PasskeyEvidence. x509: signer summary, registered fingerprints. paper: scan hash, type, recorder, confirmation. */
  evidence: Record<string, unknown>;
}

export interface BundleHistoryEvent {
  seq: number;
  type: string;
  actor: Record<string, string> | null;
  data: Record<string, unknown>;
  occurredAt: string;
  prevHash: string;
  hash: string;
}

export interface BundleHistory {
  campaignId: string;
  formula: string;
  events: BundleHistoryEvent[];
}
