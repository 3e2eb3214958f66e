import { mentionedNames, resolveMentions } from './mentions';

describe('mentionedNames', () => {
  it.each([
    ['Đề nghị @VKS-QBI cho ý kiến', ['VKS-QBI']],
    ['@VKS-HTI và @nghean.canbo thống nhất.', ['VKS-HTI', 'nghean.canbo']],
    ['Ý kiến của @VKS-QTR.', ['VKS-QTR']],
    ['(@VKS-TTH), "@hue.canbo"', ['VKS-TTH', 'hue.canbo']],
    ['@VKS-QBI @VKS-QBI @VKS-QBI', ['VKS-QBI']],
    ['@VKS-NAN,@VKS-THA; cùng @VKS-HTI:', ['VKS-NAN', 'VKS-THA', 'VKS-HTI']],
    ['dòng một\n@quangtri.vientruong dòng hai', ['quangtri.vientruong']],
  ])('finds the mentions in %j', (body, expected) => {
    expect(mentionedNames(body)).toEqual(expected);
  });

  it.each([
    ['gửi thư tới vanthu@vks.gov.vn', []],
    ['không có ai được nhắc', []],
    ['@ một mình, @- hoặc @.', []],
    ['a@VKS-QBI', []],
  ])('ignores what is not a mention in %j', (body, expected) => {
    expect(mentionedNames(body)).toEqual(expected);
  });

  it('reads a body typed with decomposed diacritics the same way', () => {
    expect(mentionedNames('Đề nghị @VKS-QBI xem xét'.normalize('NFD'))).toEqual(['VKS-QBI']);
  });
});

describe('resolveMentions', () => {
  const units = new Map([['VKS-QBI', 'unit-qbi'], ['VKS-HTI', 'unit-hti']]);
  const people = new Map([['hatinh.canbo', 'person-hti'], ['vks-qbi', 'person-odd']]);

  it('names units by exact code and people by username in any case, and drops unknown names', () => {
    expect(resolveMentions(['VKS-QBI', 'HaTinh.CanBo', 'VKS-XYZ', '2020'], units, people)).toEqual([
      { kind: 'unit', id: 'unit-qbi', code: 'VKS-QBI' },
      { kind: 'person', id: 'person-hti', code: 'hatinh.canbo' },
    ]);
  });

  it('prefers the unit when a code is also someone’s username, and lists each target once', () => {
    expect(resolveMentions(['VKS-QBI', 'hatinh.canbo', 'HATINH.CANBO'], units, people)).toEqual([
      { kind: 'unit', id: 'unit-qbi', code: 'VKS-QBI' },
      { kind: 'person', id: 'person-hti', code: 'hatinh.canbo' },
    ]);
  });
});
