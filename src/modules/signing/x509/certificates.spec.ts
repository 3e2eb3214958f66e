import { TestCertificate, TestPki } from '../../../../test/fixtures/x509/test-pki';
import { CertificateInputError, certificateFingerprint, parseCertificates, summarizeCertificate } from './certificates';

/* The helpers administrators use to register a person's certificate and to upload trust anchors. */

let pki: TestPki;
let root: TestCertificate;
let signer: TestCertificate;
let legacy: TestCertificate;

beforeAll(() => {
  pki = new TestPki();
  root = pki.issue({ name: 'root', subject: '/C=VN/CN=Thidua Test Root CA', key: 'ec', profile: 'root', notBefore: '20190101000000Z', notAfter: '20400101000000Z' });
  signer = pki.issue({ name: 'signer', subject: '/C=VN/O=VKSND tỉnh Nghệ An/CN=Nguyễn Thị Hằng', key: 'ec', profile: 'signer', issuer: root, notBefore: '20200101000000Z', notAfter: '20350101000000Z' });
  legacy = pki.selfSignedWithLegacyStrings('legacy', '/C=VN/O=Thanh Hóa/CN=Nguyễn Văn A');
});

afterAll(() => pki?.remove());

describe('certificateFingerprint', () => {
  it('is the SHA-256 of the DER that openssl computes, from PEM or DER alike', () => {
    expect(certificateFingerprint(signer.pem)).toBe(pki.fingerprint(signer));
    expect(certificateFingerprint(pki.der(signer))).toBe(pki.fingerprint(signer));
    expect(certificateFingerprint(signer.pem)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a bundle of several certificates, since one person registers one certificate', () => {
    expect(() => certificateFingerprint(Buffer.concat([signer.pem, root.pem]))).toThrow(CertificateInputError);
  });
});

describe('summarizeCertificate', () => {
  it('reads names, serial and dates', () => {
    expect(summarizeCertificate(pki.der(signer))).toEqual({
      subject: 'CN=Nguyễn Thị Hằng,O=VKSND tỉnh Nghệ An,C=VN',
      issuer: 'CN=Thidua Test Root CA,C=VN',
      serialNumber: pki.serial(signer),
      fingerprintSha256: pki.fingerprint(signer),
      notBefore: '2020-01-01T00:00:00.000Z',
      notAfter: '2035-01-01T00:00:00.000Z',
    });
  });

  it('decodes Teletex (Latin-1) and BMP names as well as UTF-8', () => {
    expect(summarizeCertificate(legacy.pem).subject).toBe('CN=Nguyễn Văn A,O=Thanh Hóa,C=VN');
  });
});

describe('parseCertificates', () => {
  it('reads a PEM bundle with text around the blocks, and a DER file', () => {
    const bundle = Buffer.concat([Buffer.from('Root CA (thử nghiệm)\n'), root.pem, Buffer.from('\r\n'), signer.pem]);
    expect(parseCertificates(bundle).map((each) => each.fingerprintSha256)).toEqual([pki.fingerprint(root), pki.fingerprint(signer)]);
    expect(parseCertificates(pki.der(root)).map((each) => each.fingerprintSha256)).toEqual([pki.fingerprint(root)]);
  });

  const REFUSED: [string, () => Uint8Array, string][] = [
    ['an empty file', () => new Uint8Array(0), 'không chứa chứng thư số'],
    ['text without a PEM block', () => Buffer.from('hello'), 'không chứa chứng thư số'],
    ['a private key', () => pki.privateKeyPem(signer), 'PRIVATE KEY'],
    ['a certificate bundled with a private key', () => Buffer.concat([root.pem, pki.privateKeyPem(signer)]), 'PRIVATE KEY'],
    ['a CMS signature', () => pki.sign(Buffer.from('x'), signer, { outform: 'PEM' }), 'CMS'],
    ['a DER CMS signature', () => pki.sign(Buffer.from('x'), signer, { outform: 'DER' }), 'không đọc được'],
    ['a certificate block with a corrupted body', () => Buffer.from(root.pem.toString().replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!')), 'không đọc được'],
    ['a truncated DER certificate', () => pki.der(root).subarray(0, 100), 'không đọc được'],
  ];

  it.each(REFUSED)('refuses %s with a clear message', (_, bytes, mentions) => {
    let thrown: unknown;
    try {
      parseCertificates(bytes());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CertificateInputError);
    expect((thrown as CertificateInputError).code).toBe('CERTIFICATE_INVALID');
    expect((thrown as CertificateInputError).messages.vi).toContain(mentions);
  });
});
