import { AppError } from '../../../common/errors/app-error';
import { Amendment, insertedClauseId, mergeAmendments } from './amendment-merge';
import { DocumentContent } from './document-content';

/** The 2020 pact of Cụm thi đua số 6 (Viện kiểm sát nhân dân of six provinces), the base version. */
function pact2020(): DocumentContent {
  return {
    title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6',
    preamble: 'Viện kiểm sát nhân dân các tỉnh Hà Tĩnh, Nghệ An, Thanh Hóa, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua.',
    clauses: [
      { id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
      { id: 'c-2', number: '2', heading: 'Thực hành quyền công tố', text: 'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội.' },
      { id: 'c-3', number: '3', heading: 'Kiểm sát dân sự, hành chính', text: 'Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận đạt trên 70%.' },
      { id: 'c-4', number: '4', heading: 'Xây dựng ngành', text: '100% cán bộ, công chức không vi phạm kỷ luật.' },
    ],
  };
}

function amendment(id: string, kind: Amendment['kind'], clauseId: string | null, text?: string, heading?: string): Amendment {
  return { id, kind, clauseId, text, heading, justification: `Đề xuất của Viện kiểm sát nhân dân tỉnh Quảng Bình (${id})` };
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const ids = (content: DocumentContent): string[] => content.clauses.map((clause) => clause.id);
const numbers = (content: DocumentContent): string[] => content.clauses.map((clause) => clause.number);

describe('mergeAmendments', () => {
  it('replaces the text of a clause, keeping its heading unless one is given', () => {
    const accepted = [amendment('a-1', 'replace', 'c-1', 'Hoàn thành vượt mức chỉ tiêu nghiệp vụ.'), amendment('a-2', 'replace', 'c-4', '100% cán bộ không vi phạm.', 'Công tác cán bộ')];
    const { content, changelog } = mergeAmendments(pact2020(), accepted, ['a-1', 'a-2']);
    expect(content.clauses[0]).toEqual({ id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Hoàn thành vượt mức chỉ tiêu nghiệp vụ.' });
    expect(content.clauses[3]).toEqual({ id: 'c-4', number: '4', heading: 'Công tác cán bộ', text: '100% cán bộ không vi phạm.' });
    expect(content.title).toBe(pact2020().title);
    expect(changelog).toEqual([
      { amendmentId: 'a-1', kind: 'replace', clauseId: 'c-1', number: '1', summary: { vi: 'Đề xuất a-1: sửa Điều 1', en: 'Amendment a-1: changed Article 1' } },
      { amendmentId: 'a-2', kind: 'replace', clauseId: 'c-4', number: '4', summary: { vi: 'Đề xuất a-2: sửa Điều 4', en: 'Amendment a-2: changed Article 4' } },
    ]);
  });

  it('inserts at the start, in the middle and at the end, with ids from the amendment and numbers 1..n', () => {
    const accepted = [
      amendment('a-start', 'insert', null, 'Quán triệt Chỉ thị công tác năm 2020.', 'Nhiệm vụ chung'),
      amendment('a-middle', 'insert', 'c-2', 'Tỷ lệ bắt, tạm giữ chuyển xử lý hành chính không quá 2%.'),
      amendment('a-end', 'insert', 'c-4', 'Đơn vị cụm trưởng tổ chức sơ kết, tổng kết.', 'Tổ chức thực hiện'),
    ];
    const { content, changelog } = mergeAmendments(pact2020(), accepted, ['a-end', 'a-middle', 'a-start']);
    expect(ids(content)).toEqual([insertedClauseId('a-start'), 'c-1', 'c-2', insertedClauseId('a-middle'), 'c-3', 'c-4', insertedClauseId('a-end')]);
    expect(numbers(content)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(content.clauses[3]).toEqual({ id: insertedClauseId('a-middle'), number: '4', text: 'Tỷ lệ bắt, tạm giữ chuyển xử lý hành chính không quá 2%.' });
    expect(insertedClauseId('a-middle')).toMatch(/^c-[0-9a-f]{24}$/);
    expect(changelog.map((entry) => entry.summary.vi)).toEqual(['Đề xuất a-end: thêm Điều 7', 'Đề xuất a-middle: thêm Điều 4', 'Đề xuất a-start: thêm Điều 1']);
  });

  it('deletes a clause and renumbers the rest', () => {
    const { content, changelog } = mergeAmendments(pact2020(), [amendment('a-1', 'delete', 'c-2')], ['a-1']);
    expect(ids(content)).toEqual(['c-1', 'c-3', 'c-4']);
    expect(numbers(content)).toEqual(['1', '2', '3']);
    expect(changelog).toEqual([
      { amendmentId: 'a-1', kind: 'delete', clauseId: 'c-2', number: '2', summary: { vi: 'Đề xuất a-1: bỏ Điều 2 (bản cũ)', en: 'Amendment a-1: removed Article 2 (old numbering)' } },
    ]);
  });

  it('honours the order: inserts after the same clause land in the order applied', () => {
    const accepted = [amendment('a-1', 'insert', 'c-2', 'Điều khoản thứ nhất được thêm.'), amendment('a-2', 'insert', 'c-2', 'Điều khoản thứ hai được thêm.')];
    const inOrder = mergeAmendments(pact2020(), accepted, ['a-1', 'a-2']).content;
    const reversed = mergeAmendments(pact2020(), accepted, ['a-2', 'a-1']).content;
    expect(ids(inOrder).slice(2, 4)).toEqual([insertedClauseId('a-1'), insertedClauseId('a-2')]);
    expect(ids(reversed).slice(2, 4)).toEqual([insertedClauseId('a-2'), insertedClauseId('a-1')]);

    const atStart = mergeAmendments(pact2020(), [amendment('a-3', 'insert', null, 'Thứ nhất.'), amendment('a-4', 'insert', null, 'Thứ hai.')], ['a-4', 'a-3']).content;
    expect(ids(atStart).slice(0, 3)).toEqual([insertedClauseId('a-4'), insertedClauseId('a-3'), 'c-1']);
  });

  it('allows an insert after a clause another amendment replaces', () => {
    const accepted = [amendment('a-1', 'replace', 'c-3', 'Tỷ lệ kháng nghị được chấp nhận đạt trên 75%.'), amendment('a-2', 'insert', 'c-3', 'Kiểm sát thi hành án dân sự.')];
    const { content } = mergeAmendments(pact2020(), accepted, ['a-2', 'a-1']);
    expect(ids(content)).toEqual(['c-1', 'c-2', 'c-3', insertedClauseId('a-2'), 'c-4']);
    expect(content.clauses[2].text).toBe('Tỷ lệ kháng nghị được chấp nhận đạt trên 75%.');
  });

  it('normalises the text of amendments like any content', () => {
    const { content } = mergeAmendments(pact2020(), [amendment('a-1', 'replace', 'c-4', ' Không vi phạm kỷ luật.  '.normalize('NFD'), '')], ['a-1']);
    expect(content.clauses[3]).toEqual({ id: 'c-4', number: '4', text: 'Không vi phạm kỷ luật.' });
  });

  describe('conflicts', () => {
    it.each([
      ['replace + replace', amendment('a-1', 'replace', 'c-2', 'Bản A.'), amendment('a-2', 'replace', 'c-2', 'Bản B.'), 'both-change-clause'],
      ['replace + delete', amendment('a-1', 'replace', 'c-2', 'Bản A.'), amendment('a-2', 'delete', 'c-2'), 'both-change-clause'],
      ['delete + delete', amendment('a-1', 'delete', 'c-2'), amendment('a-2', 'delete', 'c-2'), 'both-change-clause'],
      ['insert after a deleted clause', amendment('a-1', 'insert', 'c-2', 'Điều mới.'), amendment('a-2', 'delete', 'c-2'), 'insert-after-deleted-clause'],
    ])('%s is AMENDMENT_CONFLICT', (_name, first, second, reason) => {
      const error = errorOf(() => mergeAmendments(pact2020(), [first, second], [first.id, second.id]));
      expect(error.code).toBe('AMENDMENT_CONFLICT');
      expect(error.kind).toBe('user');
      // The clause by its display number; its id stays in details.
      expect(error.params).toEqual({ a: 'a-1', b: 'a-2', clause: '2' });
      expect(error.details).toEqual([{ a: 'a-1', b: 'a-2', clause: 'c-2', reason }]);
    });

    it('lists every conflicting pair in the details', () => {
      const accepted = [amendment('a-1', 'delete', 'c-1'), amendment('a-2', 'delete', 'c-1'), amendment('a-3', 'replace', 'c-4', 'Bản A.'), amendment('a-4', 'replace', 'c-4', 'Bản B.')];
      const error = errorOf(() => mergeAmendments(pact2020(), accepted, ['a-3', 'a-4', 'a-1', 'a-2']));
      expect(error.params).toEqual({ a: 'a-3', b: 'a-4', clause: '4' });
      expect(error.details).toEqual([
        { a: 'a-3', b: 'a-4', clause: 'c-4', reason: 'both-change-clause' },
        { a: 'a-1', b: 'a-2', clause: 'c-1', reason: 'both-change-clause' },
      ]);
    });
  });

  it('refuses a target that is not in the base with AMENDMENT_TARGET_MISSING', () => {
    for (const kind of ['replace', 'insert', 'delete'] as const) {
      const error = errorOf(() => mergeAmendments(pact2020(), [amendment('a-9', kind, 'c-9', 'Nội dung.')], ['a-9']));
      expect(error.code).toBe('AMENDMENT_TARGET_MISSING');
      expect(error.params).toEqual({ amendment: 'a-9', clause: 'c-9' });
    }
  });

  it('reports invalid amendments and a wrong order all at once as AMENDMENT_INVALID', () => {
    const accepted = [amendment('a-1', 'replace', 'c-1', '  '), amendment('a-2', 'delete', null), amendment('a-2', 'insert', 'c-1')];
    const error = errorOf(() => mergeAmendments(pact2020(), accepted, ['a-1', 'a-1', 'a-7']));
    expect(error.code).toBe('AMENDMENT_INVALID');
    expect(error.params).toEqual({ count: 7 });
    expect(error.details).toEqual([
      { path: 'amendments[0].text', code: 'REQUIRED', message: 'replace needs the new text' },
      { path: 'amendments[1].clauseId', code: 'REQUIRED', message: 'delete needs the clause it changes' },
      { path: 'amendments[2].id', code: 'DUPLICATE', message: 'amendment a-2 is given twice' },
      { path: 'amendments[2].text', code: 'REQUIRED', message: 'insert needs the new text' },
      { path: 'order[1]', code: 'DUPLICATE', message: 'a-1 is ordered twice' },
      { path: 'order[2]', code: 'UNKNOWN', message: 'a-7 is not an accepted amendment' },
      { path: 'order', code: 'MISSING', message: 'accepted amendment a-2 has no place in the order' },
    ]);
  });

  it('refuses to delete every clause', () => {
    const accepted = pact2020().clauses.map((clause) => amendment(`a-${clause.id}`, 'delete', clause.id));
    const error = errorOf(() => mergeAmendments(pact2020(), accepted, accepted.map((item) => item.id)));
    expect(error.code).toBe('DOCUMENT_CONTENT_INVALID');
  });

  it('with no amendments gives the base renumbered', () => {
    const base = pact2020();
    base.clauses[1].number = '1a';
    expect(numbers(mergeAmendments(base, [], []).content)).toEqual(['1', '2', '3', '4']);
  });
});
