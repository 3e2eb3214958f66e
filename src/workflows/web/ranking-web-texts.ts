import { interpolate, Language } from '../../common/i18n/language';

/** Texts of the ranking pages (xếp hạng), a unit's breakdown and a unit's scores over the years; Vietnamese first. */
export const RANKING_WEB_TEXTS = {
  rankingTitle: { vi: 'Kết quả xếp hạng: {campaign}', en: 'Ranking: {campaign}' },
  backToCampaign: { vi: 'Quay lại đợt thi đua', en: 'Back to the campaign' },
  backToRanking: { vi: 'Quay lại bảng xếp hạng', en: 'Back to the ranking' },
  openRanking: { vi: 'Xem kết quả xếp hạng', en: 'See the ranking' },
  summary: {
    vi: 'Bảng chấm điểm: {table}. Tổng hợp điểm: {aggregation}. Thứ tự xét khi bằng điểm: {chain}.',
    en: 'Scoring table: {table}. Aggregation: {aggregation}. Tie-break chain: {chain}.',
  },
  computedAt: { vi: 'Tính lúc {time}.', en: 'Computed at {time}.' },
  leaders: { vi: 'Đơn vị dẫn đầu: {units}.', en: 'Leading unit(s): {units}.' },
  adjustable: { vi: 'Hội đồng còn có thể điều chỉnh điểm cho tới khi bắt đầu suy tôn.', en: 'The council may still adjust scores until the nomination starts.' },
  notAdjustable: { vi: 'Đã bắt đầu suy tôn hoặc đợt thi đua đã kết thúc: điểm không còn được điều chỉnh.', en: 'The nomination has started or the campaign ended: scores can no longer be adjusted.' },
  download: { vi: 'Tải bảng điểm (XLSX)', en: 'Download the workbook (XLSX)' },
  chartHeading: { vi: 'Biểu đồ tổng điểm', en: 'Totals' },
  chartLabel: { vi: 'Tổng điểm', en: 'Total' },
  tableHeading: { vi: 'Bảng xếp hạng', en: 'Ranking table' },
  rank: { vi: 'Hạng', en: 'Rank' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  aggregate: { vi: 'Điểm tổng hợp', en: 'Aggregate' },
  adjustment: { vi: 'Điều chỉnh', en: 'Adjustment' },
  total: { vi: 'Tổng điểm', en: 'Total' },
  grade: { vi: 'Xếp loại', en: 'Grade' },
  sheetsCount: { vi: 'Phiếu', en: 'Sheets' },
  sheetsSummary: { vi: '{used} dùng, {dropped} loại, {recused} xin không chấm', en: '{used} used, {dropped} dropped, {recused} recused' },
  tiedWith: { vi: 'Đồng hạng với {units}', en: 'Tied with {units}' },
  notRanked: { vi: 'Không xếp hạng', en: 'Not ranked' },
  explanationsHeading: { vi: 'Giải thích thứ hạng', en: 'How the places were decided' },
  noTies: { vi: 'Mọi thứ hạng được quyết định bằng tổng điểm.', en: 'Every place was decided by the total.' },
  breakdownTitle: { vi: 'Chi tiết điểm: {unit}', en: 'Breakdown: {unit}' },
  breakdownIntro: {
    vi: 'Điểm tự chấm, điểm của từng người chấm và điểm cuối cùng (tổng hợp theo phương pháp {aggregation}) cho từng tiêu chí.',
    en: 'Self points, each scorer’s points and the final points (aggregated by {aggregation}) for each criterion.',
  },
  sheetsHeading: { vi: 'Các phiếu chấm', en: 'Sheets' },
  scorer: { vi: 'Người chấm', en: 'Scorer' },
  stage: { vi: 'Bước', en: 'Stage' },
  use: { vi: 'Sử dụng', en: 'Use' },
  used: { vi: 'Được tính', en: 'Used' },
  dropped: { vi: 'Bị loại (cao nhất/thấp nhất)', en: 'Dropped (highest/lowest)' },
  recused: { vi: 'Xin không chấm', en: 'Recused' },
  self: { vi: 'Tự chấm (không tính)', en: 'Self-score (not counted)' },
  criteriaHeading: { vi: 'Điểm theo tiêu chí', en: 'Points by criterion' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  standard: { vi: 'Điểm chuẩn', en: 'Standard' },
  selfPoints: { vi: 'Tự chấm', en: 'Self' },
  finalPoints: { vi: 'Điểm cuối cùng', en: 'Final' },
  groupsHeading: { vi: 'Điểm theo nhóm', en: 'Points by group' },
  penalties: { vi: 'Điểm trừ', en: 'Penalty points' },
  scoresTitle: { vi: 'Điểm qua các năm: {unit}', en: 'Scores over the years: {unit}' },
  scoresIntro: { vi: 'Tổng điểm và thứ hạng của đơn vị trong kết quả xếp hạng của từng đợt thi đua.', en: 'The unit’s total and rank in the ranking of each campaign.' },
  scoresNone: { vi: 'Đơn vị chưa được xếp hạng trong đợt thi đua nào.', en: 'The unit has not been ranked in any campaign yet.' },
  year: { vi: 'Năm', en: 'Year' },
  campaign: { vi: 'Đợt thi đua', en: 'Campaign' },
  rankOf: { vi: '{rank}/{units}', en: '{rank} of {units}' },
  scoresLink: { vi: 'Điểm qua các năm', en: 'Scores over the years' },
  'aggregation:mean': { vi: 'trung bình cộng', en: 'mean' },
  'aggregation:median': { vi: 'trung vị', en: 'median' },
  'aggregation:trimmed-mean': { vi: 'trung bình sau khi bỏ điểm cao nhất và thấp nhất (từ 5 phiếu)', en: 'mean without the highest and lowest (from 5 sheets)' },
  'key:total': { vi: 'tổng điểm', en: 'total' },
  'key:fewer-penalties': { vi: 'ít điểm trừ hơn', en: 'fewer penalty points' },
  'key:group': { vi: 'điểm nhóm {code}', en: 'group {code} points' },
} as const;

export type RankingWebTextKey = keyof typeof RANKING_WEB_TEXTS;

export function rt(language: Language, key: RankingWebTextKey, params?: Record<string, unknown>): string {
  return interpolate(RANKING_WEB_TEXTS[key][language], params);
}

/** A tie-break key as words: "tổng điểm", "điểm nhóm I", "ít điểm trừ hơn". */
export function tieBreakKeyText(language: Language, key: string): string {
  if (key.startsWith('group:')) return rt(language, 'key:group', { code: key.slice('group:'.length) });
  return key === 'total' || key === 'fewer-penalties' ? rt(language, `key:${key}`) : key;
}

export function aggregationText(language: Language, method: string): string {
  return method === 'mean' || method === 'median' || method === 'trimmed-mean' ? rt(language, `aggregation:${method}`) : method;
}
