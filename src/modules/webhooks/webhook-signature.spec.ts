import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhookSignature', () => {
  const secret = 'whsec_test';
  const body = '{"event":"campaign.launched"}';

  it('is the HMAC-SHA256 of "t.body", as a receiver recomputes it', () => {
    // echo -n '1700000000.{"event":"campaign.launched"}' | openssl dgst -sha256 -hmac whsec_test
    expect(webhookSignature(secret, body, 1_700_000_000)).toBe('t=1700000000,v1=1302a025c78802e44dbad9aba35f557f17ad3ac3c2a178ead324e15ba497f59e');
  });

  it.each([
    ['the same body and secret', secret, body, true],
    ['another secret', 'whsec_other', body, false],
    ['a changed body', secret, body.replace('launched', 'cancelled'), false],
  ])('verifies with %s: %s', (_case, checkSecret, checkBody, valid) => {
    const header = webhookSignature(secret, body, 1_700_000_000);
    expect(verifyWebhookSignature(checkSecret, checkBody, header)).toEqual({ valid, timestampSeconds: 1_700_000_000 });
  });

  it.each(['', 't=abc,v1=00', 't=1,v1=short', 'v1=' + '0'.repeat(64)])('refuses a malformed header %p', (header) => {
    expect(verifyWebhookSignature(secret, body, header).valid).toBe(false);
  });
});
