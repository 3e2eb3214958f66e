import { JwtService } from '@nestjs/jwt';
import { Clock } from '../../src/modules/calendar/clock';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status).sort();
const count = (values: number[], value: number) => values.filter((v) => v === value).length;

describe('sign-in, refresh, sign-out (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Tests pose as distinct clients with X-Forwarded-For, believed here because the proxy is said to be on loopback.
    t = await startTestApp({ env: { AUTH_MAX_FAILED_SIGN_INS: '3', AUTH_FAILED_SIGN_INS_PER_ADDRESS_PER_MINUTE: '10', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());

  it('signs the demo administrator in and tells who they are', async () => {
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200);
    expect(signIn.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const cookies = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []);
    expect(cookies.some((c) => c.startsWith('thidua_access=') && /HttpOnly/i.test(c))).toBe(true);

    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${signIn.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', fullName: 'Quản trị hệ thống', roles: ['admin'] });
  });

  it('accepts the session cookie as well as the bearer token', async () => {
    const agent = t.http();
    const signIn = await agent.post('/api/v1/auth/sign-in').send({ username: 'thanhhoa.canbo', password: DEMO_PASSWORD }).expect(200);
    const cookie = ([] as string[]).concat(signIn.headers['set-cookie']).map((c) => c.split(';')[0]).join('; ');
    const me = await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.mandates).toEqual([expect.objectContaining({ unitCode: 'VKS-THA', role: 'officer' })]);
  });

  it('refuses a wrong password with a coded error in the requested language', async () => {
    const vi = await t.http().post('/api/v1/auth/sign-in').send({ username: 'nghean.canbo', password: 'wrong' }).expect(401);
    expect(vi.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    const en = await t.http().post('/api/v1/auth/sign-in').set('Accept-Language', 'en').send({ username: 'nobody', password: 'x' }).expect(401);
    expect(en.body.message).toBe('Wrong username or password.');
  });

  it('throttles repeated failures for a username, even with the right password afterwards', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/v1/auth/sign-in').send({ username: 'hatinh.canbo', password: `bad-${i}` }).expect(401);
    }
    const locked = await t.http().post('/api/v1/auth/sign-in').send({ username: 'hatinh.canbo', password: DEMO_PASSWORD }).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another user from the same address is not affected.
    await t.http().post('/api/v1/auth/sign-in').send({ username: 'hatinh.vientruong', password: DEMO_PASSWORD }).expect(200);
  });

  it('lets at most the limit of parallel wrong passwords reach the password check, then locks even the right one', async () => {
    const from = (address: string, username: string, password: string) =>
      t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', address).send({ username, password });
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => from('203.0.113.10', 'hue.canbo', `bad-${i}`)));
    const codes = statuses(responses);
    expect({ refused: count(codes, 401), throttled: count(codes, 429) }).toEqual({ refused: 3, throttled: 27 });
    for (const response of responses.filter((r) => r.status === 429)) {
      expect(response.body.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    const locked = await from('203.0.113.10', 'hue.canbo', DEMO_PASSWORD).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The lock is the pair's: the same person from another address, and another person from this one, sign in.
    await from('203.0.113.11', 'hue.canbo', DEMO_PASSWORD).expect(200);
    await from('203.0.113.10', 'hue.vientruong', DEMO_PASSWORD).expect(200);
  });

  it('limits failed sign-ins from one address over any usernames, without touching other addresses', async () => {
    const spray = await Promise.all(
      Array.from({ length: 14 }, (_, i) => t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.20').send({ username: `spray-${i}`, password: 'x' })),
    );
    const codes = statuses(spray);
    expect({ refused: count(codes, 401), throttled: count(codes, 429) }).toEqual({ refused: 10, throttled: 4 });
    await t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.20').send({ username: 'nghean.vientruong', password: DEMO_PASSWORD }).expect(429);
    await t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.21').send({ username: 'nghean.vientruong', password: DEMO_PASSWORD }).expect(200);
  });

  it('rotates refresh tokens and detects reuse of an old one after the grace window', async () => {
    const first = await t.http().post('/api/v1/auth/sign-in').send({ username: 'quangbinh.canbo', password: DEMO_PASSWORD }).expect(200);
    const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);

    t.app.get(Clock).advance((t.config.auth.refreshGraceSeconds + 1) * 1000);
    const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('TOKEN_INVALID');
    // Reuse revoked the whole family, including the newest token and its access token.
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(401);
  });

  it('keeps the session when tabs refresh with the same token at once, and ends it on reuse after the grace window', async () => {
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ username: 'hatinh.vientruong', password: DEMO_PASSWORD }).expect(200);
    // Sent in the body rather than as the cookie, which the CSRF defence guards: the session logic is the same.
    const original = { refreshToken: signIn.body.refreshToken as string };
    const refreshes = await Promise.all(Array.from({ length: 10 }, () => t.http().post('/api/v1/auth/refresh').send(original)));
    expect(statuses(refreshes)).toEqual(Array(10).fill(200));
    for (const refreshed of refreshes) {
      await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    }
    // Whichever token the browser kept renews the session.
    const kept = refreshes[refreshes.length - 1].body.refreshToken as string;
    const renewed = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: kept }).expect(200);

    t.app.get(Clock).advance((t.config.auth.refreshGraceSeconds + 1) * 1000);
    expect((await t.http().post('/api/v1/auth/refresh').send(original).expect(401)).body.code).toBe('TOKEN_INVALID');
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: renewed.body.refreshToken }).expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${renewed.body.accessToken}`).expect(401);
  });

  it('does not revive a signed-out session from a token rotated within the grace window', async () => {
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ username: 'tdkt.chuyenvien', password: DEMO_PASSWORD }).expect(200);
    const rotated = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signIn.body.refreshToken }).expect(200);
    await t.http().post('/api/v1/auth/sign-out').send({ refreshToken: rotated.body.refreshToken }).expect(204);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signIn.body.refreshToken }).expect(401);
  });

  it('signs out: the refresh and access tokens stop working at once and the cookies are cleared', async () => {
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ username: 'quangtri.canbo', password: DEMO_PASSWORD }).expect(200);
    const bearer = { Authorization: `Bearer ${signIn.body.accessToken}` };
    await t.http().get('/api/v1/auth/me').set(bearer).expect(200);
    const out = await t.http().post('/api/v1/auth/sign-out').send({ refreshToken: signIn.body.refreshToken }).expect(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).some((c) => /^thidua_access=;/.test(c))).toBe(true);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signIn.body.refreshToken }).expect(401);
    expect((await t.http().get('/api/v1/auth/me').set(bearer).expect(401)).body.code).toBe('TOKEN_INVALID');
  });

  it('signs out with the access token alone', async () => {
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ username: 'quangbinh.vientruong', password: DEMO_PASSWORD }).expect(200);
    const bearer = { Authorization: `Bearer ${signIn.body.accessToken}` };
    await t.http().post('/api/v1/auth/sign-out').set(bearer).expect(204);
    await t.http().get('/api/v1/auth/me').set(bearer).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signIn.body.refreshToken }).expect(401);
  });

  it('refuses a correctly signed token without exp or iat', async () => {
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ username: 'nghean.vientruong', password: DEMO_PASSWORD }).expect(200);
    const claims = new JwtService().decode<{ sub: string; sid: string }>(signIn.body.accessToken);
    const signer = new JwtService({ secret: t.config.auth.jwtSecret });
    const genuine = signer.sign({ sub: claims.sub, typ: 'access', sid: claims.sid }, { expiresIn: 60 });
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${genuine}`).expect(200);
    const forever = signer.sign({ sub: claims.sub, typ: 'access', sid: claims.sid });
    expect((await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${forever}`).expect(401)).body.code).toBe('TOKEN_INVALID');
    const undated = signer.sign({ sub: claims.sub, typ: 'access', sid: claims.sid }, { expiresIn: 60, noTimestamp: true });
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${undated}`).expect(401);
    const sessionless = signer.sign({ sub: claims.sub, typ: 'access' }, { expiresIn: 60 });
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${sessionless}`).expect(401);
  });

  it('rejects missing, forged and expired tokens with 401', async () => {
    expect((await t.http().get('/api/v1/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    const forged = new JwtService({ secret: 'another-secret-that-is-long-enough-000000' }).sign({ sub: 'x', typ: 'access' });
    expect((await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401)).body.code).toBe('TOKEN_INVALID');
    const expired = new JwtService({ secret: t.config.auth.jwtSecret }).sign({ sub: 'x', typ: 'access' }, { expiresIn: -10 });
    expect((await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${expired}`).expect(401)).body.code).toBe('TOKEN_INVALID');
    await t.http().get('/api/v1/auth/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
  });

  it('resolves the unit a person acts for from their valid mandates', async () => {
    const auth = await bearerFor(t, 'thanhhoa.vientruong');
    const ok = await t.http().get('/api/v1/auth/acting-for').set(auth).set('X-Acting-Unit', 'VKS-THA').expect(200);
    expect(ok.body).toMatchObject({ unitCode: 'VKS-THA', mandateRole: 'head' });
    const byId = await t.http().get('/api/v1/auth/acting-for').set(auth).set('X-Acting-Unit', ok.body.unitId).expect(200);
    expect(byId.body.mandateId).toBe(ok.body.mandateId);

    const denied = await t.http().get('/api/v1/auth/acting-for').set(auth).set('X-Acting-Unit', 'VKS-NAN').set('Accept-Language', 'en').expect(403);
    expect(denied.body).toEqual({ code: 'NOT_MANDATED', message: 'You hold no valid mandate to act for unit Viện kiểm sát nhân dân tỉnh Nghệ An.' });
    // The unit by its name whether the header gives its code or its id; a unit that does not exist as it was given.
    const nghean = (await t.http().get('/api/v1/auth/acting-for').set(await bearerFor(t, 'nghean.canbo')).set('X-Acting-Unit', 'VKS-NAN').expect(200)).body;
    const byUnitId = await t.http().get('/api/v1/auth/acting-for').set(auth).set('X-Acting-Unit', nghean.unitId).expect(403);
    expect(byUnitId.body).toEqual({ code: 'NOT_MANDATED', message: 'Bạn không có ủy quyền hợp lệ để hành động thay mặt đơn vị Viện kiểm sát nhân dân tỉnh Nghệ An.' });
    expect((await t.http().get('/api/v1/auth/acting-for').set(auth).set('X-Acting-Unit', 'VKS-NOWHERE').expect(403)).body.message).toContain('đơn vị VKS-NOWHERE.');
    expect((await t.http().get('/api/v1/auth/acting-for').set(auth).expect(400)).body.code).toBe('ACTING_UNIT_REQUIRED');
  });
});

describe('client addresses with the default TRUST_PROXY (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_FAILED_SIGN_INS_PER_ADDRESS_PER_MINUTE: '2' } });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so a client cannot pick a fresh address for every attempt', async () => {
    const responses = await Promise.all(
      Array.from({ length: 4 }, (_, i) => t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', `198.51.100.${i + 1}`).send({ username: `nobody-${i}`, password: 'x' })),
    );
    expect(statuses(responses)).toEqual([401, 401, 429, 429]);
  });
});
