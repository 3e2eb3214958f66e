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
    // Every section the tabs offer is a page that answers, units and people among them.
    const tabs = page.slice(page.indexOf('<nav class="org-tabs"'), page.indexOf('</nav>', page.indexOf('<nav class="org-tabs"')));
    const paths = [...tabs.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(paths).toEqual(expect.arrayContaining(['/admin/org/units', '/admin/org/people', '/admin/org/imports']));
    for (const path of paths) {
      expect(page).toContain(`<dt><a href="${path}">`);
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
