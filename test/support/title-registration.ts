/** A complete 2020 title registration (đăng ký danh hiệu) of a unit, as the built-in form takes it. */
export const titleRegistration2020 = (unitName: string, collectiveTitle = 'taptheLaoDongXuatSac'): Record<string, unknown> => ({
  unitName,
  year: 2020,
  collectiveTitle,
  totalStaff: 40,
  laoDongTienTienCount: 30,
  chienSiThiDuaCoSoCount: 4,
  individualRegistrations: [],
  contactName: 'Văn phòng',
  contactEmail: 'vanphong@vks.gov.vn',
});
