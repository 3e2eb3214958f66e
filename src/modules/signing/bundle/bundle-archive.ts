import { createHash } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { BUNDLE_FORMAT, BUNDLE_KIND, BUNDLE_PATHS, BundleManifest, ManifestFile } from './bundle-format';

/** What a bundle may hold when read back: uploads are untrusted, so a zip bomb stops at these limits. */
export const BUNDLE_LIMITS = { files: 5000, totalBytes: 256 * 1024 * 1024 } as const;

export const sha256OfBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Zips the files with a manifest of their SHA-256. Every entry gets the same time (the bundle's), so the same
 * campaign exported twice at the same moment gives the same bytes.
 */
export function writeBundle(files: ReadonlyMap<string, Uint8Array>, header: Omit<BundleManifest, 'kind' | 'formatVersion' | 'hashAlgorithm' | 'files'>): Uint8Array {
  const paths = [...files.keys()].sort();
  const manifest: BundleManifest = {
    kind: BUNDLE_KIND,
    formatVersion: BUNDLE_FORMAT,
    ...header,
    hashAlgorithm: 'sha256',
    files: paths.map((path): ManifestFile => ({ path, sha256: sha256OfBytes(files.get(path)!), bytes: files.get(path)!.length })),
  };
  const mtime = new Date(header.generatedAt);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = { [BUNDLE_PATHS.manifest]: [jsonBytes(manifest), { mtime }] };
  for (const path of paths) entries[path] = [files.get(path)!, { mtime }];
  return zipSync(entries, { level: 6 });
}

/** Pretty JSON in UTF-8: bundle files are meant to be read by people too. */
export const jsonBytes = (value: unknown): Uint8Array => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

export type BundleReading = { ok: true; files: Map<string, Uint8Array> } | { ok: false; reason: 'not-zip' | 'too-large' };

/** Unzips a bundle; refuses what is not a zip or would unpack past BUNDLE_LIMITS. Never throws. */
export function readBundle(bytes: Uint8Array): BundleReading {
  let count = 0;
  let total = 0;
  let tooLarge = false;
  try {
    const unzipped = unzipSync(bytes, {
      filter: (file) => {
        count += 1;
        total += file.originalSize;
        if (count > BUNDLE_LIMITS.files || total > BUNDLE_LIMITS.totalBytes) tooLarge = true;
        return !tooLarge && !file.name.endsWith('/');
      },
    });
    if (tooLarge) return { ok: false, reason: 'too-large' };
    return { ok: true, files: new Map(Object.entries(unzipped)) };
  } catch {
    return { ok: false, reason: tooLarge ? 'too-large' : 'not-zip' };
  }
}

/** Rewrites a bundle's manifest from its files as they are now: for tests of what only the deeper checks catch. */
export function rewriteManifest(files: Map<string, Uint8Array>): Uint8Array {
  const manifest = JSON.parse(Buffer.from(files.get(BUNDLE_PATHS.manifest)!).toString('utf8')) as BundleManifest;
  const others = new Map([...files].filter(([path]) => path !== BUNDLE_PATHS.manifest));
  return writeBundle(others, { generatedAt: manifest.generatedAt, campaign: manifest.campaign });
}
