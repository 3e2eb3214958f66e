import { withCsrfFields } from './csrf-form-fields';
import { html } from './html';

describe('withCsrfFields', () => {
  it('adds the token right after every form that posts, and to no other', () => {
    const page = html`<form method="post" action="/a" class="x"><button>A</button></form>
<form method="get" action="/b"></form>
<form class="y" method="post" action="/c"></form>`.value;
    expect(withCsrfFields(page, 'tok.en')).toBe(`<form method="post" action="/a" class="x"><input type="hidden" name="_csrf" value="tok.en"><button>A</button></form>
<form method="get" action="/b"></form>
<form class="y" method="post" action="/c"><input type="hidden" name="_csrf" value="tok.en"></form>`);
  });

  it('never finds a form in escaped text, even one that spells out a posting form', () => {
    const page = html`<p>${'<form method="post" action="/evil">'}</p>`.value;
    expect(withCsrfFields(page, 'token')).toBe(page);
  });

  it('escapes the token', () => {
    expect(withCsrfFields('<form method="post">', '"><script>')).toBe('<form method="post"><input type="hidden" name="_csrf" value="&quot;&gt;&lt;script&gt;">');
  });
});
