import { Text } from '../i18n/language';

/** Roles granted by an administrator (vai trò), in words. */
export const GRANTED_ROLE_NAMES: Readonly<Record<string, Text>> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  'council-member': { vi: 'Thành viên Hội đồng Thi đua - Khen thưởng', en: 'Emulation and commendation council member' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
};

/** Roles held in a unit through a mandate (chức trách theo ủy quyền), in words. */
export const MANDATE_ROLE_NAMES: Readonly<Record<string, Text>> = {
  head: { vi: 'Thủ trưởng đơn vị', en: 'Head of unit' },
  deputy: { vi: 'Cấp phó', en: 'Deputy' },
  officer: { vi: 'Cán bộ', en: 'Officer' },
};

/** A role in words; an unknown role shows as its key rather than disappearing. */
export function roleName(role: string, names: Readonly<Record<string, Text>> = GRANTED_ROLE_NAMES): Text {
  return Object.hasOwn(names, role) ? names[role] : { vi: role, en: role };
}

/** Any one of the roles, in words: "Quản trị hệ thống hoặc Thư ký" / "Administrator or Secretary". */
export function anyOfRoles(roles: readonly string[], names: Readonly<Record<string, Text>> = GRANTED_ROLE_NAMES): Text {
  const named = roles.map((role) => roleName(role, names));
  return { vi: named.map((name) => name.vi).join(' hoặc '), en: named.map((name) => name.en).join(' or ') };
}
