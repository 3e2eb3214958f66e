import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it.each([
    [undefined, { trustProxy: false }],
    ['', { trustProxy: false }],
    ['false', { trustProxy: false }],
    ['none', { trustProxy: false }],
    ['0', { trustProxy: false }],
    ['1', { trustProxy: 1 }],
    ['loopback', { trustProxy: ['loopback'] }],
    ['loopback, 10.0.0.0/8,fd00::/8', { trustProxy: ['loopback', '10.0.0.0/8', 'fd00::/8'] }],
    ['192.168.1.10', { trustProxy: ['192.168.1.10'] }],
  ])('reads %p', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(['true', '11', 'everyone', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', 'loopback,'])('refuses %p', (value) => {
    expect(parseTrustProxy(value)).toEqual({ problem: expect.stringMatching(/^TRUST_PROXY: /) });
  });
});
