import { AppError } from '../../../common/errors/app-error';
import { canonicalContent, DocumentContent, documentHash, fromPactDraft, MOVEMENTS_CLAUSE_ID, normaliseContent } from './document-content';

/** The 2020 pact of Cụm thi đua số 6: the people's procuracies of six provinces of the North Central Coast. */
function pact2020(): DocumentContent {
  return {
    title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6',
    preamble:
      'Thực hiện Kế hoạch tổ chức phong trào thi đua năm 2020 của Viện kiểm sát nhân dân tối cao, Viện kiểm sát nhân dân các tỉnh Hà Tĩnh, Nghệ An, Thanh Hóa, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
    clauses: [
      { id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
      {
        id: 'c-2',
        number: '2',
        heading: 'Thực hành quyền công tố, kiểm sát điều tra',
        text: 'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội.',
      },
      { id: 'c-3', number: '3', heading: 'Kiểm sát việc giải quyết các vụ việc dân sự, hành chính', text: 'Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận đạt trên 70%.' },
      { id: 'c-4', number: '4', heading: 'Xây dựng ngành', text: '100% cán bộ, công chức, người lao động không vi phạm kỷ luật.' },
      { id: 'c-5', number: '5', heading: 'Tổ chức thực hiện', text: 'Đơn vị cụm trưởng tổ chức sơ kết 6 tháng, tổng kết năm và bình xét thi đua theo quy định.' },
    ],
  };
}

function problemsOf(run: () => unknown): { code: string; params: Record<string, unknown>; details: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params, details: error.details };
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The same content with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversedKeys(member)]));
}

describe('documentHash', () => {
  it('is the same whatever the key order', () => {
    expect(documentHash(reversedKeys(pact2020()) as DocumentContent)).toBe(documentHash(pact2020()));
  });

  it('is the same for NFD and NFC spellings of the Vietnamese text', () => {
    const nfd = pact2020();
    nfd.title = nfd.title.normalize('NFD');
    nfd.clauses[3].text = nfd.clauses[3].text.normalize('NFD');
    expect(nfd.title).not.toBe(pact2020().title);
    expect(documentHash(nfd)).toBe(documentHash(pact2020()));
  });

  it('ignores trailing whitespace but changes with any change of text', () => {
    const padded = pact2020();
    padded.clauses[0].text += '  \n';
    expect(documentHash(padded)).toBe(documentHash(pact2020()));

    const edited = pact2020();
    edited.clauses[0].text = edited.clauses[0].text.replace('100%', '95%');
    const reordered = pact2020();
    reordered.clauses.reverse();
    const toneChanged = pact2020();
    toneChanged.clauses[3].heading = 'Xây dựng ngạnh';
    for (const changed of [edited, reordered, toneChanged]) expect(documentHash(changed)).not.toBe(documentHash(pact2020()));
  });

  it('hashes exactly the canonical JSON of the normalised content', () => {
    const canonical = canonicalContent(pact2020());
    expect(canonical.startsWith('{"clauses":[{"heading":"Thực hiện chỉ tiêu nghiệp vụ","id":"c-1","number":"1","text":"Hoàn thành')).toBe(true);
    expect(documentHash(pact2020())).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('normaliseContent', () => {
  it('trims, collapses one-line fields, strips trailing spaces per line and drops blank optional fields', () => {
    const content = normaliseContent({
      title: '  Giao ước thi đua\n năm 2020  ',
      preamble: '   ',
      clauses: [{ id: ' c-1 ', number: ' 1 ', heading: '', text: 'Dòng một.   \r\nDòng hai.\n\n\n\nĐoạn hai.\t' }],
    });
    expect(content).toEqual({ title: 'Giao ước thi đua năm 2020', clauses: [{ id: 'c-1', number: '1', text: 'Dòng một.\nDòng hai.\n\nĐoạn hai.' }] });
  });

  it('reports every problem at once, each with its path', () => {
    const result = problemsOf(() =>
      normaliseContent({
        title: ' ',
        extra: true,
        clauses: [
          { id: 'c-1', number: '1', text: 'Hoàn thành chỉ tiêu.' },
          { id: 'c-1', number: '2', text: 'Không vi phạm kỷ luật.' },
          { id: 'c 3', number: '2', text: '  ', heading: 7 },
          'Điều 4',
        ],
      }),
    );
    expect(result.code).toBe('DOCUMENT_CONTENT_INVALID');
    expect(result.details).toEqual([
      { path: 'extra', code: 'UNKNOWN_KEY', message: 'unknown field "extra"' },
      { path: 'title', code: 'REQUIRED', message: 'must not be empty' },
      { path: 'clauses[2].id', code: 'ID_FORMAT', message: expect.any(String) },
      { path: 'clauses[2].text', code: 'REQUIRED', message: 'must not be empty' },
      { path: 'clauses[2].heading', code: 'NOT_STRING', message: 'must be a string' },
      { path: 'clauses[3]', code: 'NOT_OBJECT', message: expect.any(String) },
      { path: 'clauses[1].id', code: 'DUPLICATE', message: '"c-1" is already used by clauses[0]' },
      { path: 'clauses[2].number', code: 'DUPLICATE', message: '"2" is already used by clauses[1]' },
    ]);
  });

  it('gives the count of problems to the message', () => {
    const result = problemsOf(() => normaliseContent({ title: 'Giao ước', clauses: [] }));
    expect(result.params).toEqual({ count: 1 });
    expect(result.details).toEqual([{ path: 'clauses', code: 'REQUIRED', message: 'needs at least one clause' }]);
  });

  it('refuses what is not a content object', () => {
    expect(problemsOf(() => normaliseContent(null)).details).toEqual([{ path: '', code: 'NOT_OBJECT', message: expect.any(String) }]);
  });
});

describe('fromPactDraft', () => {
  const labels = {
    hocTapLamTheoTuTuongHoChiMinh: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    thiDuaTheoChuyenDe: 'Thi đua theo chuyên đề do ngành Kiểm sát nhân dân phát động',
  };

  function draft(): Record<string, unknown> {
    const pact = pact2020();
    return {
      title: 'Giao ước thi đua của Cụm thi đua số 6',
      year: 2020,
      clusterName: 'Cụm thi đua số 6',
      preamble: pact.preamble,
      clauses: pact.clauses.slice(0, 2).map((clause) => ({ number: Number(clause.number), heading: clause.heading, text: clause.text })),
      movements: { hocTapLamTheoTuTuongHoChiMinh: true, caNuocChungSucXayDungNongThonMoi: false, thiDuaTheoChuyenDe: true },
      hasOtherMovements: true,
      otherMovements: [{ movementName: 'Chung tay phòng, chống dịch Covid-19', movementGoal: '' }],
      signingPlace: 'Hà Tĩnh',
      signingDate: '2020-02-13T00:00:00+07:00',
    };
  }

  it('numbers clause ids by row, appends the year to the title and lists the movements in a last clause', () => {
    const content = fromPactDraft(draft(), labels);
    expect(content.title).toBe('Giao ước thi đua của Cụm thi đua số 6 năm 2020');
    expect(content.clauses.map((clause) => [clause.id, clause.number])).toEqual([
      ['c-1', '1'],
      ['c-2', '2'],
      [MOVEMENTS_CLAUSE_ID, '3'],
    ]);
    expect(content.clauses[2].text).toBe(
      [
        'Các đơn vị trong cụm cam kết tham gia các phong trào thi đua sau:',
        '- Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        '- Thi đua theo chuyên đề do ngành Kiểm sát nhân dân phát động',
        '- Chung tay phòng, chống dịch Covid-19',
      ].join('\n'),
    );
  });

  it('is deterministic, keeps a title that names the year and has no movements clause when none is chosen', () => {
    const data = { ...draft(), title: 'Giao ước thi đua năm 2020', movements: {}, hasOtherMovements: false };
    expect(fromPactDraft(data)).toEqual(fromPactDraft(data));
    expect(fromPactDraft(data).title).toBe('Giao ước thi đua năm 2020');
    expect(fromPactDraft(data).clauses.map((clause) => clause.id)).toEqual(['c-1', 'c-2']);
  });

  it('reports problems with the paths of the grid rows', () => {
    const data = { ...draft(), clauses: [{ number: 1, heading: 'Chỉ tiêu', text: 'Hoàn thành chỉ tiêu.' }, { number: 1, heading: 'Kỷ luật', text: '' }] };
    expect(problemsOf(() => fromPactDraft(data)).details).toEqual([
      { path: 'clauses[1].text', code: 'REQUIRED', message: 'must not be empty' },
      { path: 'clauses[1].number', code: 'DUPLICATE', message: '"1" is already used by clauses[0]' },
    ]);
    expect(problemsOf(() => fromPactDraft({ ...draft(), clauses: [] })).details).toEqual([{ path: 'clauses', code: 'REQUIRED', message: 'needs at least one clause' }]);
  });
});
