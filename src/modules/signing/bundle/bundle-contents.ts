import {
  BUNDLE_PATHS,
  BundleAmendment,
  BundleCampaign,
  BundleEnvelope,
  BundleHistory,
  BundleManifest,
  BundlePoll,
  BundleRegistrations,
  BundleSignature,
  BundleVersion,
  SIGNATURE_FILES,
} from './bundle-format';

/** One signature as read from its directory, with the files its method needs. */
export interface LoadedSignature {
  record: BundleSignature;
  /** The statement's exact bytes; undefined when the file is missing. */
  statement: Uint8Array | undefined;
  cms: Uint8Array | undefined;
  chain: string | undefined;
  scan: Uint8Array | undefined;
}

export interface LoadedEnvelope {
  envelope: BundleEnvelope;
  registrations: BundleRegistrations | undefined;
  signatures: LoadedSignature[];
}

/** The bundle's files read into what the checks need; `unreadable` lists the JSON files that did not parse. */
export interface BundleContents {
  files: ReadonlyMap<string, Uint8Array>;
  manifest: BundleManifest | undefined;
  campaign: BundleCampaign | undefined;
  versions: BundleVersion[];
  amendments: BundleAmendment[];
  polls: BundlePoll[];
  envelopes: LoadedEnvelope[];
  trustAnchors: Uint8Array | undefined;
  history: BundleHistory | undefined;
  unreadable: string[];
}

const VERSION = /^document\/versions\/(\d+)\.json$/;
const AMENDMENT = /^document\/amendments\/(\d+)\.json$/;
const POLL = /^polls\/[^/]+\.json$/;
const ENVELOPE = /^signing\/(\d+)\/envelope\.json$/;
const SIGNATURE = /^signing\/(\d+)\/signatures\/([^/]+)\/signature\.json$/;

/** Reads the files the format names (bundle-format.ts); anything else is left to the manifest check. */
export function loadContents(files: ReadonlyMap<string, Uint8Array>): BundleContents {
  const unreadable: string[] = [];
  const json = <T>(path: string): T | undefined => {
    const bytes = files.get(path);
    if (!bytes) return undefined;
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
    } catch {
      unreadable.push(path);
      return undefined;
    }
  };
  const matching = <T>(pattern: RegExp): Array<{ value: T; match: RegExpExecArray }> =>
    [...files.keys()].sort().flatMap((path) => {
      const match = pattern.exec(path);
      const value = match ? json<T>(path) : undefined;
      return match && value !== undefined ? [{ value, match }] : [];
    });

  const envelopes = matching<BundleEnvelope>(ENVELOPE).map(({ value, match }) => ({ envelope: value, number: Number(match[1]) }));
  const signatures = matching<BundleSignature>(SIGNATURE).map(({ value, match }) => ({ record: value, number: Number(match[1]), unitCode: match[2] }));
  return {
    files,
    manifest: json<BundleManifest>(BUNDLE_PATHS.manifest),
    campaign: json<BundleCampaign>(BUNDLE_PATHS.campaign),
    versions: matching<BundleVersion>(VERSION).map(({ value }) => value).sort((a, b) => a.number - b.number),
    amendments: matching<BundleAmendment>(AMENDMENT).map(({ value }) => value).sort((a, b) => a.number - b.number),
    polls: matching<BundlePoll>(POLL).map(({ value }) => value),
    envelopes: envelopes
      .sort((a, b) => a.number - b.number)
      .map(({ envelope, number }) => ({
        envelope,
        registrations: json<BundleRegistrations>(BUNDLE_PATHS.registrations(number)),
        signatures: signatures
          .filter((signature) => signature.number === number)
          .map(({ record, unitCode }) => {
            const dir = BUNDLE_PATHS.signatureDir(number, unitCode);
            const scanType = typeof record.evidence?.scanType === 'string' ? record.evidence.scanType : '';
            const chain = files.get(`${dir}/${SIGNATURE_FILES.chain}`);
            return {
              record,
              statement: files.get(`${dir}/${SIGNATURE_FILES.statement}`),
              cms: files.get(`${dir}/${SIGNATURE_FILES.cms}`),
              chain: chain && Buffer.from(chain).toString('utf8'),
              scan: files.get(`${dir}/${SIGNATURE_FILES.scan(scanType)}`),
            };
          }),
      })),
    trustAnchors: files.get(BUNDLE_PATHS.trustAnchors),
    history: json<BundleHistory>(BUNDLE_PATHS.history),
    unreadable,
  };
}
