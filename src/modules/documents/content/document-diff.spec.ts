import { DocumentContent } from './document-content';
import { changelogEntries, diffText, diffVersions, isEmptyDiff, TextPart } from './document-diff';

/** The 2020 pact of Cụm thi đua số 6 (Viện kiểm sát nhân dân of six provinces), version 1. */
function pact2020(): DocumentContent {
  return {
    title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6',
    preamble: 'Viện kiểm sát nhân dân các tỉnh Hà Tĩnh, Nghệ An, Thanh Hóa, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
    clauses: [
      { id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
      { id: 'c-2', number: '2', heading: 'Thực hành quyền công tố', text: 'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội.' },
      { id: 'c-3', number: '3', heading: 'Kiểm sát dân sự, hành chính', text: 'Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận đạt trên 70%.' },
      { id: 'c-4', number: '4', heading: 'Xây dựng ngành', text: '100% cán bộ, công chức không vi phạm kỷ luật.' },
      { id: 'c-5', number: '5', heading: 'Tổ chức thực hiện', text: 'Đơn vị cụm trưởng tổ chức sơ kết, tổng kết và bình xét thi đua.' },
    ],
  };
}

/** Rebuilds the old and the new text from parts: a diff that loses text is wrong whatever it looks like. */
function rebuild(parts: TextPart[]): { before: string; after: string } {
  return {
    before: parts.filter((part) => part.kind !== 'added').map((part) => part.text).join(''),
    after: parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join(''),
  };
}

describe('diffText', () => {
  it('gives word-level parts for a Vietnamese sentence', () => {
    expect(diffText('Hoàn thành 100% chỉ tiêu', 'Hoàn thành vượt mức chỉ tiêu')).toEqual([
      { kind: 'same', text: 'Hoàn thành ' },
      { kind: 'removed', text: '100% ' },
      { kind: 'added', text: 'vượt mức ' },
      { kind: 'same', text: 'chỉ tiêu' },
    ]);
  });

  it('treats syllables with diacritics as whole words, whatever their Unicode spelling', () => {
    expect(diffText('Xây dựng ngành', 'Xây dựng ngạnh'.normalize('NFD'))).toEqual([
      { kind: 'same', text: 'Xây dựng ' },
      { kind: 'removed', text: 'ngành' },
      { kind: 'added', text: 'ngạnh' },
    ]);
  });

  it('keeps both texts recoverable from the parts', () => {
    const before = 'Đơn vị cụm trưởng tổ chức sơ kết, tổng kết và bình xét thi đua.';
    const after = 'Đơn vị cụm trưởng chủ trì tổ chức sơ kết 6 tháng, tổng kết năm và bình xét, suy tôn thi đua.';
    expect(rebuild(diffText(before, after))).toEqual({ before, after });
  });
});

describe('diffVersions', () => {
  it('finds nothing between equal versions', () => {
    const diff = diffVersions(pact2020(), pact2020());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(changelogEntries(diff)).toEqual([]);
  });

  it('finds added, removed, changed and renumbered clauses by id', () => {
    const before = pact2020();
    const after = pact2020();
    after.clauses[0].text = 'Hoàn thành vượt mức chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.';
    after.clauses.splice(2, 1); // c-3 removed
    after.clauses.splice(3, 0, { id: 'c-6', number: '5', heading: 'Chuyển đổi số', text: 'Ứng dụng công nghệ thông tin trong công tác kiểm sát.' });
    after.clauses[2].number = '3'; // c-4
    after.clauses[4].number = '6'; // c-5

    const diff = diffVersions(before, after);
    expect(diff.title).toBeUndefined();
    expect(diff.preamble).toBeUndefined();
    expect(diff.added).toEqual([{ clause: after.clauses[3], position: 3 }]);
    expect(diff.removed).toEqual([{ clause: before.clauses[2], position: 2 }]);
    expect(diff.changed).toEqual([
      {
        id: 'c-1',
        before: before.clauses[0],
        after: after.clauses[0],
        text: [
          { kind: 'same', text: 'Hoàn thành ' },
          { kind: 'removed', text: '100% ' },
          { kind: 'added', text: 'vượt mức ' },
          { kind: 'same', text: 'chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
        ],
      },
    ]);
    expect(diff.moved).toEqual([]);
    expect(diff.renumbered).toEqual([
      { id: 'c-4', fromNumber: '4', toNumber: '3' },
      { id: 'c-5', fromNumber: '5', toNumber: '6' },
    ]);
    expect(changelogEntries(diff).map((entry) => entry.summary.vi)).toEqual([
      'Bỏ Điều 3 (Kiểm sát dân sự, hành chính)',
      'Thêm Điều 5 (Chuyển đổi số)',
      'Sửa nội dung Điều 1 (Thực hiện chỉ tiêu nghiệp vụ)',
      'Đánh số lại Điều 4 thành Điều 3',
      'Đánh số lại Điều 5 thành Điều 6',
    ]);
    expect(changelogEntries(diff).map((entry) => entry.summary.en)).toEqual([
      'Removed Article 3 (Kiểm sát dân sự, hành chính)',
      'Added Article 5 (Chuyển đổi số)',
      'Changed the text of Article 1 (Thực hiện chỉ tiêu nghiệp vụ)',
      'Renumbered Article 4 as Article 3',
      'Renumbered Article 5 as Article 6',
    ]);
  });

  it('reports a clause moved among the others, not the clauses merely shifted', () => {
    const before = pact2020();
    const after = pact2020();
    const [moved] = after.clauses.splice(4, 1);
    after.clauses.splice(1, 0, moved);
    after.clauses.forEach((clause, index) => (clause.number = String(index + 1)));

    const diff = diffVersions(before, after);
    expect(diff.moved).toEqual([{ id: 'c-5', fromNumber: '5', toNumber: '2', fromPosition: 4, toPosition: 1 }]);
    expect(diff.renumbered.map((renumbering) => [renumbering.id, renumbering.fromNumber, renumbering.toNumber])).toEqual([
      ['c-5', '5', '2'],
      ['c-2', '2', '3'],
      ['c-3', '3', '4'],
      ['c-4', '4', '5'],
    ]);
    expect(diff.changed).toEqual([]);
    expect(changelogEntries(diff)[0]).toEqual({ kind: 'moved', clauseId: 'c-5', summary: { vi: 'Chuyển Điều 5 (bản cũ) sang vị trí thứ 2', en: 'Moved Article 5 (old numbering) to position 2' } });
  });

  it('diffs title, preamble and heading', () => {
    const after = pact2020();
    after.title = 'Giao ước thi đua năm 2020 của Cụm thi đua số 6 (sửa đổi)';
    after.preamble = undefined;
    after.clauses[3].heading = 'Xây dựng ngành Kiểm sát';

    const diff = diffVersions(pact2020(), after);
    expect(diff.title).toEqual([
      { kind: 'same', text: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6' },
      { kind: 'added', text: ' (sửa đổi)' },
    ]);
    expect(diff.preamble).toEqual([{ kind: 'removed', text: pact2020().preamble }]);
    expect(diff.changed).toEqual([
      {
        id: 'c-4',
        before: pact2020().clauses[3],
        after: after.clauses[3],
        heading: [
          { kind: 'same', text: 'Xây dựng ngành' },
          { kind: 'added', text: ' Kiểm sát' },
        ],
      },
    ]);
    expect(changelogEntries(diff).map((entry) => entry.kind)).toEqual(['title', 'preamble', 'changed']);
    expect(changelogEntries(diff)[2].summary.vi).toBe('Sửa tiêu đề Điều 4 (Xây dựng ngành Kiểm sát)');
  });
});
