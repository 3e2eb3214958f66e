import { signInWithForm } from '../support/page-session';
import { startTestApp, TestApp } from '../support/test-app';

describe('the organisation pages’ landing page (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('lists each section that exists for administrators, links it from the header, and refuses others', async () => {
    const admin = await signInWithForm(t, 'admin');
    const page = (await t.http().get('/admin/org').set('Cookie', admin.cookie).expect(200)).text;
    expect(page).toContain('<h1>Tổ chức</h1>');
    for (const path of ['/admin/org/units', '/admin/org/people', '/admin/org/imports']) {
      expect(page).toContain(`<a href="${path}">`);
      await t.http().get(path).set('Cookie', admin.cookie).expect(200);
    }
    // The header link, marked as the current page.
    expect(page).toMatch(/<a href="\/admin\/org" aria-current="page"[^>]*>Tổ chức<\/a>/);
    expect((await t.http().get('/admin/org?lang=en').set('Cookie', admin.cookie).expect(200)).text).toContain('<h1>Organisation</h1>');

    const officer = await signInWithForm(t, 'quangtri.canbo');
    await t.http().get('/admin/org').set('Cookie', officer.cookie).expect(403);
    expect((await t.http().get('/inbox').set('Cookie', officer.cookie).expect(200)).text).not.toContain('href="/admin/org"');
  });
});
