import { GRANTED_ROLE_NAMES, MANDATE_ROLE_NAMES } from '../../common/auth/role-names';
import { interpolate, Language, Text } from '../../common/i18n/language';

/** Every text the pages show, Vietnamese first. Error messages come from the error catalog. */
export const WEB_TEXTS = {
  productName: { vi: 'thidua — Thi đua khen thưởng', en: 'thidua — Thi đua khen thưởng' },
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  languageSwitch: { vi: 'Ngôn ngữ', en: 'Language' },
  mainNavigation: { vi: 'Điều hướng chính', en: 'Main navigation' },
  signedInAs: { vi: 'Người đang đăng nhập', en: 'Signed in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },

  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  signInIntro: {
    vi: 'Đăng nhập bằng tài khoản do quản trị viên cấp.',
    en: 'Sign in with the account your administrator gave you.',
  },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signInButton: { vi: 'Đăng nhập', en: 'Sign in' },

  homeTitle: { vi: 'Trang chủ', en: 'Home' },
  greeting: { vi: 'Xin chào, {name}', en: 'Hello, {name}' },
  yourRoles: { vi: 'Vai trò được giao', en: 'Granted roles' },
  noRoles: { vi: 'Chưa được giao vai trò nào.', en: 'No role granted.' },
  mandatesHeading: { vi: 'Đơn vị và ủy quyền còn hiệu lực hôm nay', en: 'Units and mandates valid today' },
  noMandates: {
    vi: 'Bạn chưa có ủy quyền nào còn hiệu lực hôm nay. Hãy liên hệ quản trị viên.',
    en: 'You hold no mandate valid today. Please contact an administrator.',
  },
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code' },
  unitName: { vi: 'Tên đơn vị', en: 'Unit name' },
  mandateRole: { vi: 'Chức trách', en: 'Mandate role' },
  validFrom: { vi: 'Hiệu lực từ', en: 'Valid from' },
  validTo: { vi: 'Đến', en: 'Valid to' },
  openEnded: { vi: 'Không thời hạn', en: 'Open-ended' },

  errorTitle: { vi: 'Đã có lỗi xảy ra', en: 'Something went wrong' },
  backHome: { vi: 'Về trang chủ', en: 'Back to the home page' },
} satisfies Record<string, Text>;

export type WebTextKey = keyof typeof WEB_TEXTS;

/** Mandate roles (chức trách theo ủy quyền). */
export const MANDATE_ROLE_TEXTS: Readonly<Record<string, Text>> = MANDATE_ROLE_NAMES;

/** Roles granted by an administrator. */
export const GRANTED_ROLE_TEXTS: Readonly<Record<string, Text>> = GRANTED_ROLE_NAMES;

/** The page text in a language, with `{name}` placeholders filled. */
export function text(language: Language, key: WebTextKey, params?: Record<string, unknown>): string {
  return interpolate(WEB_TEXTS[key][language], params);
}

/** A role's label; an unknown role shows as its code rather than disappearing. */
export function roleLabel(table: Readonly<Record<string, Text>>, role: string, language: Language): string {
  return Object.hasOwn(table, role) ? table[role][language] : role;
}
