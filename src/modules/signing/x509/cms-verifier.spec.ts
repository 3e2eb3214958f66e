import { TestCertificate, TestPki } from '../../../../test/fixtures/x509/test-pki';
import { CmsCheckKey, CmsFailureCode, CmsVerdict, verifyDetachedCms } from './cms-verifier';

/*
 * The verifier against a PKI made by openssl in beforeAll, and signatures made by `openssl cms` as a
 * signing tool would. Every case states which checks fail with which code; all the others must be
 * listed and pass, so a case also fails when a check goes missing or fails for the wrong reason.
 */

const CHECK_KEYS: CmsCheckKey[] = ['format', 'signature', 'chain', 'validity', 'key-usage', 'registered'];
const AT = new Date('2024-06-01T03:00:00Z');
const STATEMENT = Buffer.from('{"contentHash":"sha256:9f2c…","statement":"Đơn vị ký Giao ước thi đua năm 2020","unit":"VKS-THA","version":3}', 'utf8');
const ONE_BYTE_CHANGED = Buffer.from(STATEMENT.toString('utf8').replace('"version":3', '"version":4'), 'utf8');

let pki: TestPki;
const certificates: Record<string, TestCertificate> = {};

beforeAll(() => {
  pki = new TestPki();
  const issue = (name: string, subject: string, key: 'rsa' | 'ec', profile: Parameters<TestPki['issue']>[0]['profile'], issuer: string | null, notBefore: string, notAfter: string) => {
    certificates[name] = pki.issue({ name, subject, key, profile, issuer: issuer ? certificates[issuer] : undefined, notBefore, notAfter });
  };
  issue('root', '/C=VN/O=Ban Cơ yếu Chính phủ (thử nghiệm)/CN=Thidua Test Root CA', 'rsa', 'root', null, '20190101000000Z', '20400101000000Z');
  issue('intermediate', '/C=VN/O=Thidua Test/CN=CA Thử nghiệm RSA', 'rsa', 'intermediate', 'root', '20190101000000Z', '20390101000000Z');
  issue('intermediateEc', '/C=VN/O=Thidua Test/CN=CA Thử nghiệm ECDSA', 'ec', 'intermediate', 'root', '20190101000000Z', '20390101000000Z');
  issue('shortIntermediate', '/C=VN/CN=CA Thử nghiệm ngắn hạn', 'ec', 'intermediate', 'root', '20190101000000Z', '20211231165959Z');
  const unit = '/C=VN/O=Viện kiểm sát nhân dân tỉnh Thanh Hóa';
  issue('signerRsa', `${unit}/CN=Nguyễn Văn A`, 'rsa', 'signer', 'intermediate', '20200101000000Z', '20350101000000Z');
  issue('signerEc', `${unit}/CN=Trần Thị Bình`, 'ec', 'signer', 'intermediateEc', '20200101000000Z', '20350101000000Z');
  issue('expired', `${unit}/CN=Lê Văn Cũ`, 'ec', 'signer', 'intermediateEc', '20190101000000Z', '20200131165959Z');
  issue('notYetValid', `${unit}/CN=Phạm Văn Mới`, 'ec', 'signer', 'intermediateEc', '20300101000000Z', '20350101000000Z');
  issue('underShortIntermediate', `${unit}/CN=Đỗ Thị Dài`, 'ec', 'signer', 'shortIntermediate', '20200101000000Z', '20350101000000Z');
  issue('certSignOnly', `${unit}/CN=Hoàng Văn Khóa`, 'ec', 'cert-sign-only', 'intermediateEc', '20200101000000Z', '20350101000000Z');
  issue('serverOnly', '/C=VN/CN=thidua.example.vn', 'ec', 'server-only', 'intermediateEc', '20200101000000Z', '20350101000000Z');
  // Chains a CA would not issue but a forger could build: a person's certificate used as a CA, and a CA
  // below an intermediate whose pathlen:0 forbids one.
  issue('issuedBySigner', `${unit}/CN=Người ký giả mạo`, 'ec', 'signer', 'signerEc', '20200101000000Z', '20350101000000Z');
  issue('subIntermediate', '/C=VN/CN=CA cấp dưới trái phép', 'ec', 'intermediate', 'intermediateEc', '20190101000000Z', '20390101000000Z');
  issue('underSubIntermediate', `${unit}/CN=Người dưới CA trái phép`, 'ec', 'signer', 'subIntermediate', '20200101000000Z', '20350101000000Z');
  issue('otherRoot', '/C=VN/CN=Tổ chức không tin cậy', 'ec', 'root', null, '20190101000000Z', '20400101000000Z');
  issue('outsider', '/C=VN/CN=Nguyễn Văn A', 'ec', 'signer', 'otherRoot', '20200101000000Z', '20350101000000Z');
});

afterAll(() => pki?.remove());

/** Root and every intermediate in one PEM bundle, plus the root again as DER: uploads come both ways. */
const allAnchors = () => [Buffer.concat([certificates.root.pem, certificates.intermediate.pem, certificates.intermediateEc.pem, certificates.shortIntermediate.pem]), pki.der(certificates.root)];

interface Case {
  name: string;
  signer: string;
  sign?: { certfile?: string; outform?: 'DER' | 'PEM'; noattr?: boolean; md?: string; nodetach?: boolean };
  statement?: Buffer;
  tamper?: (signature: Buffer) => Buffer;
  anchors?: () => Uint8Array[];
  registered?: (fingerprint: string) => string[];
  at?: Date;
  failing: Partial<Record<CmsCheckKey, CmsFailureCode>>;
}

const CASES: Case[] = [
  { name: 'RSA, DER, intermediate in the file, signed attributes', signer: 'signerRsa', sign: { certfile: 'intermediate' }, failing: {} },
  { name: 'RSA, PEM, intermediate only among the anchors', signer: 'signerRsa', sign: { outform: 'PEM' }, failing: {} },
  { name: 'RSA, without signed attributes (-noattr)', signer: 'signerRsa', sign: { noattr: true, md: 'sha256' }, failing: {} },
  { name: 'ECDSA P-256, DER, intermediate in the file', signer: 'signerEc', sign: { certfile: 'intermediateEc' }, failing: {} },
  { name: 'ECDSA P-256, PEM, -noattr, SHA-384', signer: 'signerEc', sign: { outform: 'PEM', noattr: true, md: 'sha384' }, failing: {} },
  { name: 'content embedded (-nodetach) and equal to the statement', signer: 'signerEc', sign: { nodetach: true }, failing: {} },
  { name: 'fingerprint registered in upper case with colons', signer: 'signerRsa', registered: (fingerprint) => [fingerprint.toUpperCase().replace(/(..)(?!$)/g, '$1:')], failing: {} },
  { name: 'RSA over another statement (one byte changed)', signer: 'signerRsa', statement: ONE_BYTE_CHANGED, failing: { signature: 'CMS_SIGNATURE_INVALID' } },
  { name: 'RSA -noattr over another statement', signer: 'signerRsa', sign: { noattr: true }, statement: ONE_BYTE_CHANGED, failing: { signature: 'CMS_SIGNATURE_INVALID' } },
  { name: 'ECDSA over another statement', signer: 'signerEc', statement: ONE_BYTE_CHANGED, failing: { signature: 'CMS_SIGNATURE_INVALID' } },
  { name: 'empty statement', signer: 'signerEc', statement: Buffer.alloc(0), failing: { signature: 'CMS_SIGNATURE_INVALID' } },
  { name: 'embedded content other than the statement', signer: 'signerEc', sign: { nodetach: true }, statement: ONE_BYTE_CHANGED, failing: { signature: 'CMS_SIGNATURE_INVALID' } },
  { name: 'signature value tampered (last byte of an RSA -noattr file)', signer: 'signerRsa', sign: { noattr: true }, tamper: flipLastByte, failing: { signature: 'CMS_SIGNATURE_INVALID' } },
  { name: 'certificate from an untrusted root (in the file)', signer: 'outsider', sign: { certfile: 'otherRoot' }, failing: { chain: 'CERT_UNTRUSTED' } },
  { name: 'certificate from an untrusted issuer (not in the file)', signer: 'outsider', failing: { chain: 'CERT_UNTRUSTED' } },
  { name: 'intermediate neither in the file nor among the anchors', signer: 'signerRsa', anchors: () => [certificates.root.pem], failing: { chain: 'CERT_UNTRUSTED' } },
  { name: 'no trust anchors configured', signer: 'signerRsa', sign: { certfile: 'intermediate' }, anchors: () => [], failing: { chain: 'CERT_UNTRUSTED' } },
  { name: "issued by a person's certificate (not a CA)", signer: 'issuedBySigner', sign: { certfile: 'signerEc' }, failing: { chain: 'CERT_UNTRUSTED' } },
  { name: 'a CA below an intermediate with pathlen:0', signer: 'underSubIntermediate', sign: { certfile: 'subIntermediate' }, failing: { chain: 'CERT_UNTRUSTED' } },
  { name: 'signer expired at the signing time', signer: 'expired', failing: { validity: 'CERT_EXPIRED' } },
  { name: 'the same expired signer, signed within its validity', signer: 'expired', at: new Date('2020-01-15T02:00:00Z'), failing: {} },
  { name: 'signer not yet valid at the signing time', signer: 'notYetValid', failing: { validity: 'CERT_NOT_YET_VALID' } },
  { name: 'intermediate expired though the signer is not', signer: 'underShortIntermediate', failing: { validity: 'CERT_EXPIRED' } },
  { name: 'intermediate within validity at an earlier signing time', signer: 'underShortIntermediate', at: new Date('2021-06-01T00:00:00Z'), failing: {} },
  { name: 'certificate not registered for the person', signer: 'signerRsa', registered: () => ['00'.repeat(32)], failing: { registered: 'CERT_NOT_REGISTERED' } },
  { name: 'no certificate registered at all', signer: 'signerEc', registered: () => [], failing: { registered: 'CERT_NOT_REGISTERED' } },
  { name: 'key usage keyCertSign only', signer: 'certSignOnly', failing: { 'key-usage': 'CERT_KEY_USAGE' } },
  { name: 'extended key usage serverAuth only', signer: 'serverOnly', failing: { 'key-usage': 'CERT_KEY_USAGE' } },
];

function flipLastByte(signature: Buffer): Buffer {
  const copy = Buffer.from(signature);
  copy[copy.length - 1] ^= 0x01;
  return copy;
}

async function verifyCase(testCase: Case): Promise<CmsVerdict> {
  const signer = certificates[testCase.signer];
  const { certfile, outform = 'DER', ...rest } = testCase.sign ?? {};
  const signature = pki.sign(STATEMENT, signer, { ...rest, outform, certfile: certfile ? certificates[certfile] : undefined });
  return verifyDetachedCms({
    statement: testCase.statement ?? STATEMENT,
    signature: testCase.tamper ? testCase.tamper(signature) : signature,
    trustAnchors: (testCase.anchors ?? allAnchors)(),
    registeredFingerprints: (testCase.registered ?? ((fingerprint) => [fingerprint]))(pki.fingerprint(signer)),
    at: testCase.at ?? AT,
  });
}

describe('verifyDetachedCms', () => {
  it.each(CASES)('$name', async (testCase) => {
    const verdict = await verifyCase(testCase);
    expect(verdict.checks.map((each) => each.key)).toEqual(CHECK_KEYS);
    expect(verdict.checks.map((each) => [each.key, each.ok, each.code])).toEqual(CHECK_KEYS.map((key) => [key, !(key in testCase.failing), testCase.failing[key]]));
    expect(verdict.valid).toBe(Object.keys(testCase.failing).length === 0);
    expect(verdict.signer?.fingerprintSha256).toBe(pki.fingerprint(certificates[testCase.signer]));
    expect(verdict.revocationChecked).toBe(false);
    for (const each of verdict.checks) expect(each.message.vi.length * each.message.en.length).toBeGreaterThan(0);
  });

  it('describes a valid RSA signer and its chain up to the root', async () => {
    const verdict = await verifyCase(CASES[0]);
    const signer = certificates.signerRsa;
    expect(verdict.signer).toEqual({
      subject: 'CN=Nguyễn Văn A,O=Viện kiểm sát nhân dân tỉnh Thanh Hóa,C=VN',
      issuer: 'CN=CA Thử nghiệm RSA,O=Thidua Test,C=VN',
      serialNumber: pki.serial(signer),
      fingerprintSha256: pki.fingerprint(signer),
      notBefore: '2020-01-01T00:00:00.000Z',
      notAfter: '2035-01-01T00:00:00.000Z',
    });
    const pemBody = (pem: string | Buffer) => pem.toString().replace(/\s+/g, '');
    expect(verdict.chain.map(pemBody)).toEqual([signer, certificates.intermediate, certificates.root].map((each) => pemBody(each.pem)));
    expect(verdict.checks.find((each) => each.key === 'chain')?.message.vi).toContain('Chưa kiểm tra thu hồi (CRL/OCSP)');
  });

  it('says in Vietnamese when the certificate expired, with the date', async () => {
    const verdict = await verifyCase(CASES.find((each) => each.name === 'signer expired at the signing time')!);
    const validity = verdict.checks.find((each) => each.key === 'validity')!;
    expect(validity.message.vi).toContain('Chứng thư số đã hết hạn tại thời điểm ký 2024-06-01 10:00 (UTC+7)');
    expect(validity.message.vi).toContain('(hết hạn 2020-01-31 23:59 (UTC+7))');
  });

  it('names the issuer whose certificate expired', async () => {
    const verdict = await verifyCase(CASES.find((each) => each.name === 'intermediate expired though the signer is not')!);
    expect(verdict.checks.find((each) => each.key === 'validity')!.message.vi).toContain('CN=CA Thử nghiệm ngắn hạn,C=VN');
  });

  it('returns the partial chain and names the untrusted root', async () => {
    const verdict = await verifyCase(CASES.find((each) => each.name === 'certificate from an untrusted root (in the file)')!);
    expect(verdict.chain).toHaveLength(2);
    expect(verdict.checks.find((each) => each.key === 'chain')!.message.vi).toContain('CN=Tổ chức không tin cậy,C=VN');
  });
});

describe('verifyDetachedCms on files that are not a readable signature', () => {
  const MALFORMED: { name: string; signature: () => Uint8Array; mentions?: string }[] = [
    { name: 'garbage bytes', signature: () => Buffer.from('this is not a signature at all \x00\xff') },
    { name: 'an empty file', signature: () => new Uint8Array(0), mentions: 'trống' },
    { name: 'a PEM certificate', signature: () => certificates.signerRsa.pem, mentions: 'CERTIFICATE' },
    { name: 'a DER certificate', signature: () => pki.der(certificates.signerRsa) },
    { name: 'a private key', signature: () => pki.privateKeyPem(certificates.signerEc), mentions: 'PRIVATE KEY' },
    { name: 'a truncated DER signature', signature: () => pki.sign(STATEMENT, certificates.signerEc, { outform: 'DER' }).subarray(0, 200) },
    { name: 'a PEM block with a broken body', signature: () => Buffer.from('-----BEGIN PKCS7-----\n!!!not base64!!!\n-----END PKCS7-----\n') },
    { name: "a signature without the signer's certificate (-nocerts)", signature: () => pki.sign(STATEMENT, certificates.signerEc, { outform: 'DER', nocerts: true }), mentions: 'không kèm chứng thư' },
  ];

  it.each(MALFORMED)('$name → CMS_MALFORMED, the other checks not run', async ({ signature, mentions }) => {
    const verdict = await verifyDetachedCms({ statement: STATEMENT, signature: signature(), trustAnchors: allAnchors(), registeredFingerprints: [], at: AT });
    expect(verdict.valid).toBe(false);
    expect(verdict.checks.map((each) => [each.key, each.ok, each.code])).toEqual(CHECK_KEYS.map((key) => [key, false, key === 'format' ? 'CMS_MALFORMED' : 'NOT_CHECKED']));
    expect(verdict.signer).toBeUndefined();
    expect(verdict.chain).toEqual([]);
    if (mentions) expect(verdict.checks[0].message.vi).toContain(mentions);
  });
});
