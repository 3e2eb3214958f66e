import { signingKeyUsage, ValidityPeriod, validityAt } from './certificate-rules';
import type { KeyUsageName } from './certificates';

const period = (subject: string, notBefore: string, notAfter: string): ValidityPeriod => ({ subject, notBefore: new Date(notBefore), notAfter: new Date(notAfter) });

describe('validityAt', () => {
  const signer = period('signer', '2020-01-01T00:00:00Z', '2022-01-01T00:00:00Z');
  const issuer = period('issuer', '2019-01-01T00:00:00Z', '2021-01-01T00:00:00Z');
  const root = period('root', '2018-01-01T00:00:00Z', '2040-01-01T00:00:00Z');

  // [case, chain, at, expected code or null, the certificate named]
  const TABLE: [string, ValidityPeriod[], string, string | null, string | null][] = [
    ['inside every period', [signer, root], '2020-06-01T00:00:00Z', null, null],
    ['exactly at notBefore (inclusive)', [signer], '2020-01-01T00:00:00Z', null, null],
    ['exactly at notAfter (inclusive)', [signer], '2022-01-01T00:00:00Z', null, null],
    ['one millisecond after notAfter', [signer], '2022-01-01T00:00:00.001Z', 'CERT_EXPIRED', 'signer'],
    ['one millisecond before notBefore', [signer], '2019-12-31T23:59:59.999Z', 'CERT_NOT_YET_VALID', 'signer'],
    ['signer valid, issuer expired', [signer, issuer, root], '2021-06-01T00:00:00Z', 'CERT_EXPIRED', 'issuer'],
    ['signer not yet valid and issuer fine: the signer is named', [signer, issuer], '2019-06-01T00:00:00Z', 'CERT_NOT_YET_VALID', 'signer'],
    ['both expired: the signer is named first', [signer, issuer], '2030-01-01T00:00:00Z', 'CERT_EXPIRED', 'signer'],
    ['empty chain', [], '2030-01-01T00:00:00Z', null, null],
  ];

  it.each(TABLE)('%s', (_, chain, at, code, named) => {
    const verdict = validityAt(chain, new Date(at));
    expect(verdict.ok ? null : verdict.code).toBe(code);
    expect(verdict.ok ? null : verdict.period.subject).toBe(named);
  });
});

describe('signingKeyUsage', () => {
  const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
  const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
  const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
  const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
  const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
  const DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';
  const ANY = '2.5.29.37.0';

  // [case, key usage or null (absent), extended key usage or null (absent), expected: null when allowed, else the reason]
  const TABLE: [string, KeyUsageName[] | null, string[] | null, string | null][] = [
    ['no extensions at all: unrestricted', null, null, null],
    ['digitalSignature', ['digitalSignature'], null, null],
    ['nonRepudiation alone', ['nonRepudiation'], null, null],
    ['digitalSignature and nonRepudiation (Vietnamese token certificates)', ['digitalSignature', 'nonRepudiation'], [CLIENT_AUTH, EMAIL_PROTECTION], null],
    ['keyCertSign only', ['keyCertSign'], null, 'no-signing-key-usage'],
    ['keyEncipherment only', ['keyEncipherment'], null, 'no-signing-key-usage'],
    ['key usage present and empty', [], null, 'no-signing-key-usage'],
    ['keyAgreement and cRLSign', ['keyAgreement', 'cRLSign'], [ANY], 'no-signing-key-usage'],
    ['EKU clientAuth only', ['digitalSignature'], [CLIENT_AUTH], null],
    ['EKU emailProtection only', null, [EMAIL_PROTECTION], null],
    ['EKU documentSigning (RFC 9336)', ['digitalSignature'], [DOCUMENT_SIGNING], null],
    ['EKU anyExtendedKeyUsage', ['digitalSignature'], [ANY], null],
    ['EKU serverAuth only', ['digitalSignature'], [SERVER_AUTH], 'extended-key-usage-excludes-signing'],
    ['EKU codeSigning and timeStamping', ['digitalSignature'], [CODE_SIGNING, TIME_STAMPING], 'extended-key-usage-excludes-signing'],
    ['EKU serverAuth with clientAuth', ['digitalSignature'], [SERVER_AUTH, CLIENT_AUTH], null],
    ['EKU present and empty', ['digitalSignature'], [], 'extended-key-usage-excludes-signing'],
  ];

  it.each(TABLE)('%s', (_, keyUsage, extendedKeyUsage, reason) => {
    const verdict = signingKeyUsage(keyUsage, extendedKeyUsage);
    expect(verdict.ok ? null : verdict.reason).toBe(reason);
  });
});
