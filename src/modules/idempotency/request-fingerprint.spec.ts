import { canonicalJson, sha256Hex } from '../../common/hashing/canonical-json';
import { requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  const base = { method: 'POST', originalUrl: '/api/v1/campaigns', body: { name: 'Giao ước 2020', year: 2020 } };

  it('is the same for the same request, whatever the order of the body’s keys', () => {
    expect(requestFingerprint({ ...base, body: { year: 2020, name: 'Giao ước 2020' } })).toBe(requestFingerprint(base));
  });

  it.each([
    ['another body', { ...base, body: { name: 'Giao ước 2021', year: 2020 } }],
    ['another path', { ...base, originalUrl: '/api/v1/documents' }],
    ['another query', { ...base, originalUrl: '/api/v1/campaigns?dryRun=true' }],
    ['another method', { ...base, method: 'PUT' }],
    ['an acting unit', { ...base, actingUnit: 'VKS-THA' }],
    ['no body', { ...base, body: undefined }],
  ])('differs for %s', (_, other) => {
    expect(requestFingerprint(other)).not.toBe(requestFingerprint(base));
  });

  it('keeps the hash of a request without an acting unit as it was before the unit counted', () => {
    const before = sha256Hex(canonicalJson({ method: base.method, path: base.originalUrl, body: base.body }));
    expect(requestFingerprint(base)).toBe(before);
  });
});
