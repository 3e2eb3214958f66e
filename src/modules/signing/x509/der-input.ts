/*
 * Reading uploaded files that may be DER or PEM. Signing tools and certificate exports give either,
 * and a PEM file may hold several blocks (a CA bundle) or a block of the wrong kind (a certificate
 * uploaded where the signature was expected), which the caller wants to name in its message.
 */

/** PEM labels of a CMS SignedData: openssl writes `PKCS7` (or `CMS` with `openssl cms -outform PEM`). */
export const SIGNED_DATA_PEM_LABELS: readonly string[] = ['PKCS7', 'CMS'];

/** PEM labels of an X.509 certificate (`X509 CERTIFICATE` is the old spelling). */
export const CERTIFICATE_PEM_LABELS: readonly string[] = ['CERTIFICATE', 'X509 CERTIFICATE'];

export interface DerBlocks {
  /** The DER of each block with a wanted label, or the whole input when it is binary DER. */
  blocks: Uint8Array[];
  /** Labels of PEM blocks that were present but not wanted (e.g. `PRIVATE KEY`). */
  otherLabels: string[];
  /** PEM blocks with a wanted label whose base64 body does not decode. */
  unreadableBlocks: number;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
const DER_SEQUENCE_TAG = 0x30;

/**
 * Splits `bytes` into DER blocks. PEM is recognised by its `-----BEGIN` line anywhere in the text (so
 * explanatory text before a block, as openssl's `-text` output has, is ignored); anything else that
 * starts like an ASN.1 SEQUENCE is taken as one DER block; the rest gives no block at all. Whether a
 * block really is what its label says is left to the ASN.1 parser.
 */
export function readDerBlocks(bytes: Uint8Array, wantedLabels: readonly string[]): DerBlocks {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.includes('-----BEGIN ')) {
    const looksLikeDer = bytes.byteLength > 0 && bytes[0] === DER_SEQUENCE_TAG;
    return { blocks: looksLikeDer ? [bytes] : [], otherLabels: [], unreadableBlocks: 0 };
  }
  const found: DerBlocks = { blocks: [], otherLabels: [], unreadableBlocks: 0 };
  for (const [, label, body] of text.matchAll(PEM_BLOCK)) {
    if (!wantedLabels.includes(label)) {
      found.otherLabels.push(label);
      continue;
    }
    const der = decodePemBody(body);
    if (der) found.blocks.push(der);
    else found.unreadableBlocks += 1;
  }
  return found;
}

/** The base64 body of a PEM block, skipping RFC 1421 header lines (`Proc-Type: …`); null when not base64. */
function decodePemBody(body: string): Uint8Array | null {
  const base64 = body
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  if (base64.length === 0 || !BASE64_BODY.test(base64)) return null;
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** PEM text of one DER block, wrapped at 64 columns as RFC 7468 asks. */
export function toPem(der: Uint8Array, label: string): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
