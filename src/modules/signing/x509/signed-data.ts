import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeCertificate, keyIdentifiersOf, ParsedCertificate } from './certificates';
import { FORMAT_PROBLEMS, LocalizedText, SignatureProblem } from './cms-messages';
import { readDerBlocks, SIGNED_DATA_PEM_LABELS } from './der-input';

/*
 * Reading a CMS SignedData file (RFC 5652) and checking its one signer's signature over the statement.
 * The signature is checked here rather than with pkijs's SignedData.verify, which signs off whatever
 * content the file embeds instead of the statement it is given, and finds the signer by one key-id method.
 */

export interface SignedDataFile {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signer: ParsedCertificate;
  /** Every certificate the file carries, with the exact DER it carries (the signer's among them). */
  certificates: ParsedCertificate[];
}

export type SignedDataReading = { ok: true; file: SignedDataFile } | { ok: false; message: LocalizedText };

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

const malformed = (message: LocalizedText): SignedDataReading => ({ ok: false, message });

/** Reads a `.p7s` (DER, or PEM `PKCS7`/`CMS`) with exactly one signer whose certificate it includes. */
export function readSignedData(bytes: Uint8Array): SignedDataReading {
  if (bytes.byteLength === 0) return malformed(FORMAT_PROBLEMS.empty);
  const { blocks, otherLabels } = readDerBlocks(bytes, SIGNED_DATA_PEM_LABELS);
  if (blocks.length === 0 && otherLabels.length > 0) return malformed(FORMAT_PROBLEMS.wrongPemBlock(otherLabels.join(', ')));
  if (blocks.length > 1) return malformed(FORMAT_PROBLEMS.severalSignatures);
  if (blocks.length === 0) return malformed(FORMAT_PROBLEMS.notCms);
  const der = blocks[0];

  let signedData: pkijs.SignedData;
  let signedDataSchema: asn1js.Sequence;
  try {
    const asn1 = asn1js.fromBER(der);
    if (asn1.offset !== der.byteLength) return malformed(FORMAT_PROBLEMS.notCms);
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID_SIGNED_DATA) return malformed(FORMAT_PROBLEMS.notSignedData);
    signedDataSchema = contentInfo.content;
    signedData = new pkijs.SignedData({ schema: signedDataSchema });
  } catch {
    return malformed(FORMAT_PROBLEMS.notCms);
  }
  if (signedData.signerInfos.length !== 1) return malformed(FORMAT_PROBLEMS.signerCount(signedData.signerInfos.length));

  const certificates = certificatesOf(signedDataSchema);
  const signerInfo = signedData.signerInfos[0];
  const signer = certificates.find((certificate) => identifiesSigner(signerInfo, certificate));
  if (!signer) return malformed(FORMAT_PROBLEMS.signerCertificateMissing);
  return { ok: true, file: { signedData, signerInfo, signer, certificates } };
}

/**
 * The `certificates [0] IMPLICIT` set, read from the ASN.1 so each keeps its original DER (fingerprints
 * are over those bytes; re-encoding a parsed certificate need not give them back). Attribute and other
 * certificate formats are tagged and skipped.
 */
function certificatesOf(signedDataSchema: asn1js.Sequence): ParsedCertificate[] {
  const set = signedDataSchema.valueBlock.value.find((element) => element.idBlock.tagClass === 3 && element.idBlock.tagNumber === 0);
  if (!(set instanceof asn1js.Constructed)) return [];
  return set.valueBlock.value
    .filter((element) => element instanceof asn1js.Sequence)
    .map((element) => decodeCertificate(new Uint8Array(element.valueBeforeDecodeView)))
    .filter((certificate): certificate is ParsedCertificate => certificate !== null);
}

/** RFC 5652, 5.3: the signer is named by issuer and serial number, or by subject key identifier. */
function identifiesSigner(signerInfo: pkijs.SignerInfo, candidate: ParsedCertificate): boolean {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return candidate.certificate.issuer.isEqual(sid.issuer) && candidate.certificate.serialNumber.isEqual(sid.serialNumber);
  }
  const octets = sid.idBlock.isConstructed ? sid.valueBlock.value[0]?.valueBlock.valueHexView : sid.valueBlock.valueHexView;
  if (!octets) return false;
  const keyId = Buffer.from(octets).toString('hex');
  const publicKeySha1 = createHash('sha1').update(candidate.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest('hex');
  return keyId === keyIdentifiersOf(candidate.certificate).subjectKeyId || keyId === publicKeySha1;
}

const sameBytes = (left: ArrayBuffer | Uint8Array, right: ArrayBuffer | Uint8Array) => Buffer.from(new Uint8Array(left)).equals(Buffer.from(new Uint8Array(right)));

/**
 * Checks the signer's signature over `statement` (RFC 5652, 5.4 and 5.6): with signed attributes, the
 * message digest must be the statement's and the signature covers the attributes; without, it covers
 * the statement itself. A file that embeds its content (not detached) passes only if that content is
 * the statement, byte for byte. Returns null when the signature holds, or what is wrong.
 */
export async function signatureProblem(file: SignedDataFile, statement: Uint8Array, engine: pkijs.CryptoEngine): Promise<SignatureProblem | null> {
  const { signedData, signerInfo, signer } = file;
  const embedded = signedData.encapContentInfo.eContent;
  if (embedded && !sameBytes(embedded.getValue(), statement)) return 'content-differs';

  const digestAlgorithm = engine.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId);
  if (!('name' in digestAlgorithm)) return 'unsupported-algorithm';
  const hashName = String(digestAlgorithm.name);

  let signedBytes: ArrayBuffer | Uint8Array = statement;
  if (signerInfo.signedAttrs) {
    const attribute = (oid: string) => signerInfo.signedAttrs?.attributes.find((candidate) => candidate.type === oid)?.values[0];
    const messageDigest = attribute(OID_MESSAGE_DIGEST) as asn1js.OctetString | undefined;
    const contentType = attribute(OID_CONTENT_TYPE) as asn1js.ObjectIdentifier | undefined;
    if (!messageDigest || !(messageDigest instanceof asn1js.OctetString)) return 'digest-mismatch';
    if (!contentType || contentType.valueBlock.toString() !== signedData.encapContentInfo.eContentType) return 'content-type-mismatch';
    const digest = await engine.digest({ name: hashName }, statement);
    if (!sameBytes(digest, messageDigest.valueBlock.valueHexView)) return 'digest-mismatch';
    signedBytes = signerInfo.signedAttrs.encodedValue;
  }

  try {
    const verified = await engine.verifyWithPublicKey(
      signedBytes,
      signerInfo.signature,
      signer.certificate.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      // A bare rsaEncryption OID names no hash: the digest algorithm gives it, as pkijs does in SignedData.verify.
      signerInfo.signatureAlgorithm.algorithmId === OID_RSA_ENCRYPTION ? hashName : undefined,
    );
    return verified ? null : 'signature-mismatch';
  } catch {
    return 'unsupported-algorithm';
  }
}
