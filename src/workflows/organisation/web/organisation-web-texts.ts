import { interpolate, Language } from '../../../common/i18n/language';

/** Texts the organisation pages share (their header link and their section tabs), Vietnamese first. */
export const ORGANISATION_WEB_TEXTS = {
  navOrganisation: { vi: 'Tổ chức', en: 'Organisation' },
  title: { vi: 'Tổ chức', en: 'Organisation' },
  intro: {
    vi: 'Đơn vị, cán bộ, nhiệm vụ được giao, cụm thi đua theo năm, quyền, lịch làm việc và nhập dữ liệu từ tệp CSV.',
    en: 'Units, people, mandates, clusters by year, roles, the working calendar and imports from CSV files.',
  },
  sections: { vi: 'Các mục tổ chức', en: 'Organisation sections' },
  units: { vi: 'Đơn vị', en: 'Units' },
  unitsAbout: { vi: 'Cây đơn vị, thêm, sửa, lưu trữ và khôi phục.', en: 'The unit tree; add, edit, archive and restore.' },
  people: { vi: 'Cán bộ', en: 'People' },
  peopleAbout: { vi: 'Cán bộ, tài khoản và nhiệm vụ (chức danh tại đơn vị, có thời hạn).', en: 'People, their accounts and mandates (a role in a unit, with validity).' },
  clusters: { vi: 'Cụm thi đua', en: 'Clusters' },
  clustersAbout: { vi: 'Cụm thi đua từng năm, thành viên, cụm trưởng và cụm phó.', en: 'Clusters by year, their members, head and deputy.' },
  roles: { vi: 'Phân quyền', en: 'Roles' },
  rolesAbout: { vi: 'Quyền quản trị và thành viên Hội đồng được cấp cho cán bộ.', en: 'Administrator and council roles granted to people.' },
  calendar: { vi: 'Lịch làm việc', en: 'Working calendar' },
  calendarAbout: { vi: 'Lịch tháng của năm: ngày nghỉ lễ, Tết, ngày làm bù; sửa ngày nghỉ.', en: 'The year month by month: holidays, Tết, make-up days; amend days off.' },
  imports: { vi: 'Nhập CSV', en: 'CSV import' },
  importsAbout: { vi: 'Nhập đơn vị hoặc cán bộ từ tệp CSV: xem trước từng dòng và lỗi trước khi ghi.', en: 'Import units or people from a CSV file: preview every row and its problems before anything is written.' },
} as const;

export type OrganisationText = keyof typeof ORGANISATION_WEB_TEXTS;

export function orgt(language: Language, key: OrganisationText, params: Record<string, string | number> = {}): string {
  return interpolate(ORGANISATION_WEB_TEXTS[key][language], params);
}
