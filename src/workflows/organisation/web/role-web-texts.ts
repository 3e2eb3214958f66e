import { interpolate, Language, Text } from '../../../common/i18n/language';

/** Texts of the role grants page (/admin/org/roles), Vietnamese first. */
export const ROLE_WEB_TEXTS = {
  title: { vi: 'Phân quyền', en: 'Roles' },
  intro: {
    vi: 'Quyền được cấp cho từng cán bộ: quản trị hệ thống, thành viên Hội đồng Thi đua - Khen thưởng, thư ký; có thể giới hạn trong một đơn vị (ví dụ Hội đồng của một đơn vị). Quyền thu hồi không bị xóa mà được giữ trong hồ sơ. Không thể thu hồi quyền quản trị cuối cùng còn hiệu lực.',
    en: 'Roles granted to people: administrator, member of the Emulation-Commendation Council, secretary; a role may be limited to one unit (e.g. the council of one unit). Revoked roles are kept on record, never deleted. The last active administrator role cannot be revoked.',
  },
  viewChoice: { vi: 'Quyền được hiển thị', en: 'Roles shown' },
  activeOnly: { vi: 'Quyền đang có hiệu lực', en: 'Active roles' },
  withRevoked: { vi: 'Cả quyền đã thu hồi', en: 'Revoked roles too' },
  listLabel: { vi: 'Quyền đã cấp', en: 'Granted roles' },
  count: { vi: '{count} quyền.', en: '{count} roles.' },
  none: { vi: 'Chưa cấp quyền nào.', en: 'No roles granted.' },
  person: { vi: 'Cán bộ', en: 'Person' },
  role: { vi: 'Quyền', en: 'Role' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  everywhere: { vi: 'Toàn hệ thống', en: 'Everywhere' },
  grantedAt: { vi: 'Cấp lúc', en: 'Granted on' },
  grantedBy: { vi: 'Người cấp', en: 'Granted by' },
  grantedByUnknown: { vi: 'Không ghi nhận', en: 'Not recorded' },
  status: { vi: 'Trạng thái', en: 'Status' },
  active: { vi: 'Đang có hiệu lực', en: 'Active' },
  revokedOn: { vi: 'Đã thu hồi lúc', en: 'Revoked on' },
  revokeConfirm: { vi: 'Tôi xác nhận thu hồi quyền “{role}” của {name}', en: 'I confirm revoking “{role}” from {name}' },
  revokeConfirmField: { vi: 'chưa đánh dấu ô xác nhận thu hồi', en: 'the revoking confirmation box is not ticked' },
  revokeButton: { vi: 'Thu hồi quyền', en: 'Revoke' },
  grantHeading: { vi: 'Cấp quyền cho cán bộ', en: 'Grant a role' },
  searchLabel: { vi: 'Tìm cán bộ theo họ tên hoặc tên đăng nhập', en: 'Find a person by name or username' },
  searchButton: { vi: 'Tìm', en: 'Find' },
  peopleShown: { vi: 'Danh sách chọn có {shown} trong {total} cán bộ phù hợp; hãy tìm để thu hẹp.', en: 'The choice lists {shown} of the {total} matching people; search to narrow it.' },
  peopleFound: { vi: 'Tìm thấy {count} cán bộ phù hợp với “{query}”.', en: '{count} people match “{query}”.' },
  nobodyFound: { vi: 'Không có cán bộ nào phù hợp với “{query}”.', en: 'Nobody matches “{query}”.' },
  choosePerson: { vi: '(Chọn cán bộ)', en: '(Choose a person)' },
  chooseRole: { vi: '(Chọn quyền)', en: '(Choose a role)' },
  scopeHint: { vi: 'Để “Toàn hệ thống” nếu quyền không giới hạn trong một đơn vị.', en: 'Leave “Everywhere” unless the role is limited to one unit.' },
  grantButton: { vi: 'Cấp quyền', en: 'Grant the role' },
  granted: { vi: 'Đã cấp quyền.', en: 'The role is granted.' },
  revoked: { vi: 'Đã thu hồi quyền.', en: 'The role is revoked.' },
} satisfies Record<string, Text>;

export type RoleWebText = keyof typeof ROLE_WEB_TEXTS;

export const rolet = (language: Language, key: RoleWebText, params?: Record<string, unknown>): string => interpolate(ROLE_WEB_TEXTS[key][language], params);
