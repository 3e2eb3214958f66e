import { anyOfRoles, MANDATE_ROLE_NAMES, roleName } from './role-names';

describe('role names', () => {
  it('says a granted role in words in each language', () => {
    expect(roleName('council-member')).toEqual({ vi: 'Thành viên Hội đồng Thi đua - Khen thưởng', en: 'Emulation and commendation council member' });
    expect(roleName('deputy', MANDATE_ROLE_NAMES)).toEqual({ vi: 'Cấp phó', en: 'Deputy' });
  });
  it('keeps an unknown role as its key', () => {
    expect(roleName('auditor')).toEqual({ vi: 'auditor', en: 'auditor' });
    expect(roleName('toString')).toEqual({ vi: 'toString', en: 'toString' });
  });
  it('joins the roles any of which will do', () => {
    expect(anyOfRoles(['admin', 'secretary'])).toEqual({ vi: 'Quản trị hệ thống hoặc Thư ký', en: 'Administrator or Secretary' });
    expect(anyOfRoles(['admin'])).toEqual({ vi: 'Quản trị hệ thống', en: 'Administrator' });
  });
});
