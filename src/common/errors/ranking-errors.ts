import type { CatalogEntry } from './error-catalog';

/**
 * Error codes of the ranking (xếp hạng) beyond those in scoring-errors.ts (RANKING_NOT_FOUND,
 * RANKING_ADJUSTMENT_REASON_REQUIRED): who may read it, and when the council may still adjust it. Spread into
 * ERROR_CATALOG. Units and campaigns are named, never given by id.
 */
export const RANKING_ERRORS = {
  RANKING_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ các đơn vị thành viên của cụm, Hội đồng Thi đua - Khen thưởng và quản trị viên được xem kết quả xếp hạng của "{campaign}".',
      en: 'Only the member units of the cluster, the Emulation-Commendation Council and administrators may read the ranking of "{campaign}".',
    },
  },
  // A member unit sees the ranking and its own breakdown; other units' breakdowns are for the head, the council and administrators.
  RANKING_BREAKDOWN_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Bạn chỉ được xem chi tiết điểm của đơn vị mình; chi tiết điểm của {unit} dành cho cụm trưởng, Hội đồng Thi đua - Khen thưởng và quản trị viên.',
      en: "You may read your own unit's breakdown only; the breakdown of {unit} is for the cluster head, the Emulation-Commendation Council and administrators.",
    },
  },
  // The workbook holds every scorer's sheet total: for the head, the council and administrators.
  RANKING_EXPORT_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ cụm trưởng, Hội đồng Thi đua - Khen thưởng và quản trị viên được tải bảng điểm của "{campaign}".',
      en: 'Only the cluster head, the Emulation-Commendation Council and administrators may download the score workbook of "{campaign}".',
    },
  },
  RANKING_UNIT_NOT_LISTED: {
    kind: 'not-found',
    message: { vi: 'Đơn vị {unit} không có trong kết quả xếp hạng của "{campaign}".', en: 'Unit {unit} is not in the ranking of "{campaign}".' },
  },
  SCORE_HISTORY_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ đơn vị {unit}, cụm trưởng của đơn vị, Hội đồng Thi đua - Khen thưởng và quản trị viên được xem điểm qua các năm của đơn vị.',
      en: "Only {unit} itself, its cluster head, the Emulation-Commendation Council and administrators may read the unit's scores over the years.",
    },
  },
  // The council adjusts the ranking before the nomination (suy tôn) starts; after that the vote's candidates are fixed.
  RANKING_NOMINATION_STARTED: {
    kind: 'conflict',
    message: {
      vi: 'Bước suy tôn "{stage}" đã bắt đầu; không thể điều chỉnh điểm xếp hạng nữa.',
      en: 'The nomination stage "{stage}" has started; the ranking can no longer be adjusted.',
    },
  },
  RANKING_UNIT_NOT_RANKED: {
    kind: 'conflict',
    message: {
      vi: 'Đơn vị {unit} không được xếp hạng (không có phiếu chấm nào được tính), nên không thể điều chỉnh điểm.',
      en: 'Unit {unit} is not ranked (no sheet counts), so its score cannot be adjusted.',
    },
  },
} satisfies Record<string, CatalogEntry>;
