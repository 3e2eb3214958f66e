import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'supertest';
import { PasswordService } from '../../src/common/auth/password.service';
import { Mandate } from '../../src/modules/org/entities/mandate.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { cookieHeader, openPage, PageSession } from '../support/page-session';

jest.setTimeout(60_000);

const setCookies = (response: Response): string[] => ([] as string[]).concat(response.headers['set-cookie'] ?? []);

describe('server-rendered pages (e2e)', () => {
  let t: TestApp;
  /** The sign-in page as a browser holds it: its CSRF cookie and token, which every sign-in below sends. */
  let signInPage: PageSession;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_MAX_FAILED_SIGN_INS: '3' } });
    signInPage = await openPage(t, '/sign-in');
  });
  afterAll(() => t.close());

  const signIn = (username: string, password = DEMO_PASSWORD, extra: Record<string, string> = {}) =>
    t.http().post('/sign-in').set('Cookie', signInPage.cookie).type('form').send({ username, password, _csrf: signInPage.csrfToken, ...extra });

  it('sends a visitor without a session from / to the sign-in page', async () => {
    const response = await t.http().get('/').expect(303);
    expect(response.headers.location).toBe('/sign-in');
    // A forged access cookie is no session either, and is cleared.
    const forged = await t.http().get('/').set('Cookie', 'thidua_access=not-a-jwt').expect(303);
    expect(forged.headers.location).toBe('/sign-in');
    expect(setCookies(forged).some((c) => /^thidua_access=;/.test(c))).toBe(true);
  });

  it('serves an accessible sign-in form as HTML with a restrictive policy', async () => {
    const response = await t.http().get('/sign-in').expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['content-security-policy']).not.toMatch(/https?:/);
    expect(response.text).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(response.text).toContain('thidua — Thi đua khen thưởng');
    expect(response.text).toContain('<label for="username">Tên đăng nhập</label>');
    expect(response.text).toContain('<label for="password">Mật khẩu</label>');
    expect(response.text).toMatch(/<input type="password" id="password" name="password"/);
    expect(response.text).toContain('href="/sign-in?lang=en"');
    expect(response.text).not.toContain('action="/sign-out"');
  });

  it('signs in through the form, sets the session cookies and shows the home page', async () => {
    const response = await signIn('thanhhoa.vientruong').expect(303);
    expect(response.headers.location).toBe('/');
    const cookies = setCookies(response);
    expect(cookies.some((c) => c.startsWith('thidua_access=') && /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c))).toBe(true);
    expect(cookies.some((c) => c.startsWith('thidua_refresh=') && /HttpOnly/i.test(c))).toBe(true);

    const home = await t.http().get('/').set('Cookie', cookieHeader(response)).expect(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.text).toContain('Xin chào, Lê Văn Thành');
    expect(home.text).toContain('<td>VKS-THA</td>');
    expect(home.text).toContain('<td>Viện kiểm sát nhân dân tỉnh Thanh Hóa</td>');
    expect(home.text).toContain('<td>Thủ trưởng đơn vị</td>');
    expect(home.text).toContain('<time datetime="2020-01-01">01/01/2020</time>');
    expect(home.text).toContain('Không thời hạn');
    expect(home.text).toContain('Chưa được giao vai trò nào.');
    expect(home.text).toMatch(/<form method="post" action="\/sign-out"><input type="hidden" name="_csrf" value="[^"]+"><button type="submit">Đăng xuất<\/button><\/form>/);
  });

  it('shows granted roles and the empty state for a person without mandates', async () => {
    const home = await t.http().get('/').set('Cookie', cookieHeader(await signIn('admin').expect(303))).expect(200);
    expect(home.text).toContain('Xin chào, Quản trị hệ thống');
    expect(home.text).toContain('<li>Quản trị hệ thống</li>');
    expect(home.text).toContain('Bạn chưa có ủy quyền nào còn hiệu lực hôm nay.');
    expect(home.text).not.toContain('<table>');
  });

  it('re-shows the form with the Vietnamese reason and 401 after a wrong password', async () => {
    const response = await signIn('hatinh.canbo', 'wrong').expect(401);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<p class="alert" role="alert" id="sign-in-error">Tên đăng nhập hoặc mật khẩu không đúng.</p>');
    expect(response.text).toContain('value="hatinh.canbo"');
    expect(setCookies(response).some((c) => c.startsWith('thidua_access='))).toBe(false);
  });

  it('shows the throttling message with 429 once the failures pile up', async () => {
    for (let i = 0; i < 3; i++) await signIn('nghean.canbo', `bad-${i}`).expect(401);
    const locked = await signIn('nghean.canbo').expect(429);
    expect(locked.text).toMatch(/Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\./);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('switches to English with ?lang=en and remembers the choice in a cookie', async () => {
    // A browser set up in English still gets Vietnamese pages until its user chooses English.
    const englishBrowser = await t.http().get('/sign-in').set('Accept-Language', 'en-US,en;q=0.9').expect(200);
    expect(englishBrowser.text).toContain('<html lang="vi">');
    const response = await t.http().get('/sign-in?lang=en').expect(200);
    expect(response.text).toContain('<html lang="en">');
    expect(response.text).toContain('<h1>Sign in</h1>');
    expect(response.text).toContain('<label for="username">Username</label>');
    const languageCookie = setCookies(response).find((c) => c.startsWith('lang=en;'));
    expect(languageCookie).toMatch(/Max-Age=31536000/);

    // Later requests carry only the cookie.
    const failed = await signIn('quangbinh.canbo', 'wrong').set('Cookie', `${signInPage.cookie}; lang=en`).expect(401);
    expect(failed.text).toContain('Wrong username or password.');
    const session = cookieHeader(await signIn('thanhhoa.vientruong').expect(303));
    const home = await t.http().get('/').set('Cookie', `${session}; lang=en`).expect(200);
    expect(home.text).toContain('<html lang="en">');
    expect(home.text).toContain('Hello, Lê Văn Thành');
    expect(home.text).toContain('<td>Head of unit</td>');
    expect(home.text).toContain('<time datetime="2020-01-01">2020-01-01</time>');
    expect(home.text).toContain('Sign out');
    // And back to Vietnamese.
    const vi = await t.http().get('/?lang=vi').set('Cookie', `${session}; lang=en`).expect(200);
    expect(vi.text).toContain('Xin chào, Lê Văn Thành');
    expect(setCookies(vi).some((c) => c.startsWith('lang=vi;'))).toBe(true);
  });

  it('renews an expired access cookie silently from the refresh cookie', async () => {
    const signedIn = await signIn('quangtri.vientruong').expect(303);
    const refreshOnly = setCookies(signedIn).find((c) => c.startsWith('thidua_refresh='))!.split(';')[0];
    const home = await t.http().get('/').set('Cookie', refreshOnly).expect(200);
    expect(home.text).toContain('Viện kiểm sát nhân dân tỉnh Quảng Trị');
    expect(setCookies(home).some((c) => /^thidua_access=[^;]+;/.test(c))).toBe(true);
    expect(setCookies(home).some((c) => /^thidua_refresh=[^;]+;/.test(c))).toBe(true);
  });

  it('signs out: cookies cleared, the refresh token revoked, back to the sign-in page', async () => {
    const session = cookieHeader(await signIn('hue.vientruong').expect(303));
    const home = await openPage(t, '/', session);
    const out = await t.http().post('/sign-out').set('Cookie', home.cookie).type('form').send({ _csrf: home.csrfToken }).expect(303);
    expect(out.headers.location).toBe('/sign-in');
    expect(setCookies(out).some((c) => /^thidua_access=;/.test(c))).toBe(true);
    expect(setCookies(out).some((c) => /^thidua_refresh=;/.test(c))).toBe(true);

    const refreshOnly = session.split('; ').find((c) => c.startsWith('thidua_refresh='))!;
    const after = await t.http().get('/').set('Cookie', refreshOnly).expect(303);
    expect(after.headers.location).toBe('/sign-in');
  });

  it('returns only to same-site paths after signing in', async () => {
    expect((await signIn('admin', DEMO_PASSWORD, { next: '/?from=link' }).expect(303)).headers.location).toBe('/?from=link');
    expect((await signIn('admin', DEMO_PASSWORD, { next: '//evil.example/' }).expect(303)).headers.location).toBe('/');
    expect((await signIn('admin', DEMO_PASSWORD, { next: 'https://evil.example/' }).expect(303)).headers.location).toBe('/');

    const kept = await t.http().get('/sign-in?next=%2F%3Ftab%3D1').expect(200);
    expect(kept.text).toContain('<input type="hidden" name="next" value="/?tab=1">');
    expect(kept.text).toContain('href="/sign-in?next=%2F%3Ftab%3D1&amp;lang=en"');
    const dropped = await t.http().get('/sign-in?next=%2F%2Fevil.example').expect(200);
    expect(dropped.text).not.toContain('name="next"');
  });

  it('escapes user data everywhere it is shown', async () => {
    const orm = t.app.get(MikroORM);
    const em = orm.em.fork();
    const unit = em.create(Unit, { code: 'XSS-<b>', name: '<img src=x onerror="alert(1)"> & Đơn vị' });
    const person = em.create(Person, {
      username: 'xss.tester',
      fullName: '<script>alert("xin chào")</script>',
      passwordHash: await t.app.get(PasswordService).hash(DEMO_PASSWORD),
    });
    em.create(Mandate, { person, unit, role: 'deputy', validFrom: '2020-01-01', validTo: '2099-12-31' });
    await em.flush();

    const home = await t.http().get('/').set('Cookie', cookieHeader(await signIn('xss.tester').expect(303))).expect(200);
    expect(home.text).not.toContain('<script>');
    expect(home.text).not.toContain('<img');
    expect(home.text).toContain('Xin chào, &lt;script&gt;alert(&quot;xin chào&quot;)&lt;/script&gt;');
    expect(home.text).toContain('<td>XSS-&lt;b&gt;</td>');
    expect(home.text).toContain('<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Đơn vị</td>');
    expect(home.text).toContain('<td>Cấp phó</td>');
    expect(home.text).toContain('<time datetime="2099-12-31">31/12/2099</time>');

    // What the visitor typed comes back escaped in the re-shown form.
    const reflected = await signIn('"><script>alert(1)</script>', 'x').expect(401);
    expect(reflected.text).not.toContain('<script>');
    expect(reflected.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('renders errors on pages as localized HTML, never JSON or a stack', async () => {
    const response = await signIn('admin', DEMO_PASSWORD, { isAdmin: 'true' }).expect(400);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.text).toContain('<html lang="vi">');
    expect(response.text).toContain('Dữ liệu không hợp lệ: isAdmin.');
    expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    // The API keeps its JSON errors.
    const api = await t.http().post('/api/v1/auth/sign-in').send({ username: 'a', password: 'b', isAdmin: true }).expect(400);
    expect(api.body.code).toBe('VALIDATION_FAILED');
  });

  it('keeps the pages out of the OpenAPI document', async () => {
    const paths = Object.keys((await t.http().get('/api/docs-json').expect(200)).body.paths);
    expect(paths).not.toEqual(expect.arrayContaining(['/', '/sign-in']));
    expect(paths.some((path) => path === '/' || path.startsWith('/sign-'))).toBe(false);
  });
});
