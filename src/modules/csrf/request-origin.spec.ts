import { isCrossOriginRequest, statesItsOrigin } from './request-origin';

const request = (headers: Record<string, string>, protocol = 'http') => ({ headers: { host: 'thidua.test:3000', ...headers }, protocol });

describe('isCrossOriginRequest', () => {
  it.each([
    ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }, false],
    ['Sec-Fetch-Site same-site (another port or subdomain)', { 'sec-fetch-site': 'same-site' }, true],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }, true],
    ['Sec-Fetch-Site none (not a page of this site)', { 'sec-fetch-site': 'none' }, true],
    ['Sec-Fetch-Site wins over a matching Origin', { 'sec-fetch-site': 'same-site', origin: 'http://thidua.test:3000' }, true],
    ['Origin of this server', { origin: 'http://thidua.test:3000' }, false],
    ['Origin of another port', { origin: 'http://thidua.test:4000' }, true],
    ['Origin of a subdomain', { origin: 'http://evil.thidua.test:3000' }, true],
    ['Origin null (sandboxed frame)', { origin: 'null' }, true],
    ['no header at all (an API client)', {}, false],
  ])('%s', (_name, headers, crossOrigin) => {
    expect(isCrossOriginRequest(request(headers))).toBe(crossOrigin);
  });

  it('compares the scheme too', () => {
    expect(isCrossOriginRequest(request({ origin: 'http://thidua.test:3000' }, 'https'))).toBe(true);
    expect(isCrossOriginRequest(request({ origin: 'https://thidua.test:3000' }, 'https'))).toBe(false);
  });
});

describe('statesItsOrigin', () => {
  it('is true with Origin or Sec-Fetch-Site, false with neither', () => {
    expect(statesItsOrigin(request({ origin: 'http://thidua.test:3000' }))).toBe(true);
    expect(statesItsOrigin(request({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(statesItsOrigin(request({}))).toBe(false);
  });
});
