import { ScoringTableDocument } from '../scoring-table';

/**
 * A small table that uses every method, nested branches and caps, for tests (ours and other modules'):
 *
 * I (cap 20): I.1 full 10 · I.2 (cap 14): I.2.a proportional 10 of target 20, I.2.b proportional 5 with the
 * scorer's target and up to 6 when exceeded · I.3 binary 2 (evidence required)
 * III (cap 4): III.1 bonus 3 · III.2 bonus 2
 * IV: IV.1 penalty 5 · IV.2 penalty 2
 * Grades: xuat-sac ≥ 20, kha ≥ 10, yeu ≥ 0.
 */
export function sampleScoringTable(overrides: Partial<ScoringTableDocument> = {}): ScoringTableDocument {
  return {
    name: { vi: 'Bảng mẫu', en: 'Sample table' },
    year: 2020,
    rounding: 'half-up',
    grades: [
      { code: 'xuat-sac', label: { vi: 'Xuất sắc', en: 'Excellent' }, min: 20 },
      { code: 'kha', label: { vi: 'Khá', en: 'Fair' }, min: 10 },
      { code: 'yeu', label: { vi: 'Yếu', en: 'Weak' }, min: 0 },
    ],
    groups: [
      {
        code: 'I',
        text: { vi: 'Công tác chuyên môn', en: 'Professional work' },
        cap: 20,
        items: [
          { code: 'I.1', text: { vi: 'Giải quyết án', en: 'Cases resolved' }, method: 'full', points: 10, hint: { vi: 'Chấm theo báo cáo', en: 'Score from the report' } },
          {
            code: 'I.2',
            text: { vi: 'Chỉ tiêu', en: 'Targets' },
            cap: 14,
            items: [
              { code: 'I.2.a', text: { vi: 'Tỷ lệ truy tố', en: 'Indictment rate' }, method: 'proportional', points: 10, target: 20 },
              { code: 'I.2.b', text: { vi: 'Kháng nghị', en: 'Appeals' }, method: 'proportional', points: 5, exceedCap: 6 },
            ],
          },
          { code: 'I.3', text: { vi: 'Báo cáo đúng hạn', en: 'Reports on time' }, method: 'binary', points: 2, evidence: 'required' },
        ],
      },
      {
        code: 'III',
        text: { vi: 'Điểm thưởng', en: 'Bonus points' },
        cap: 4,
        items: [
          { code: 'III.1', text: { vi: 'Sáng kiến', en: 'Initiatives' }, method: 'bonus', points: 3 },
          { code: 'III.2', text: { vi: 'Khen thưởng đột xuất', en: 'Ad hoc commendations' }, method: 'bonus', points: 2 },
        ],
      },
      {
        code: 'IV',
        text: { vi: 'Điểm trừ', en: 'Penalty points' },
        items: [
          { code: 'IV.1', text: { vi: 'Cán bộ bị kỷ luật', en: 'Staff disciplined' }, method: 'penalty', points: 5 },
          { code: 'IV.2', text: { vi: 'Án bị hủy', en: 'Judgments annulled' }, method: 'penalty', points: 2 },
        ],
      },
    ],
    ...overrides,
  };
}
