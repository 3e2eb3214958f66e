import { JwtService } from '@nestjs/jwt';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('sign-in, refresh, sign-out (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_MAX_FAILED_SIGN_INS: '3' } });
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

  it('rotates refresh tokens and detects reuse of an old one', async () => {
    const first = await t.http().post('/api/v1/auth/sign-in').send({ username: 'quangbinh.canbo', password: DEMO_PASSWORD }).expect(200);
    const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);

    const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('TOKEN_INVALID');
    // Reuse revoked the whole family, including the newest token.
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
  });

  it('signs out: the refresh token stops working and the cookies are cleared', async () => {
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ username: 'quangtri.canbo', password: DEMO_PASSWORD }).expect(200);
    const out = await t.http().post('/api/v1/auth/sign-out').send({ refreshToken: signIn.body.refreshToken }).expect(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).some((c) => /^thidua_access=;/.test(c))).toBe(true);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signIn.body.refreshToken }).expect(401);
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
    expect(denied.body).toEqual({ code: 'NOT_MANDATED', message: 'You hold no valid mandate to act for unit VKS-NAN.' });
    expect((await t.http().get('/api/v1/auth/acting-for').set(auth).expect(400)).body.code).toBe('ACTING_UNIT_REQUIRED');
  });
});
