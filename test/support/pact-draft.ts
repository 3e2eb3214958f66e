/** A realistic 2020 pact draft of Cluster No. 6, as the `pact/pact-draft` form submits it. */
export function pactDraft2020(): Record<string, unknown> {
  return {
    title: 'Giao ước thi đua Cụm thi đua số 6',
    year: 2020,
    clusterName: 'Cụm thi đua số 6 - Viện kiểm sát nhân dân các tỉnh Bắc Trung Bộ',
    preamble:
      'Thực hiện Kế hoạch số 01/KH-VKSTC ngày 02/01/2020 của Viện kiểm sát nhân dân tối cao về công tác thi đua, khen thưởng năm 2020, ' +
      'Viện kiểm sát nhân dân các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
    clauses: [
      { number: 1, heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu, yêu cầu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
      { number: 2, heading: 'Thực hành quyền công tố', text: 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt trên 70%.' },
      { number: 3, heading: 'Kiểm sát dân sự, hành chính', text: 'Kiểm sát 100% bản án, quyết định của Tòa án.' },
      { number: 4, heading: 'Xây dựng ngành', text: '100% cán bộ chấp hành nghiêm kỷ luật, kỷ cương.' },
    ],
    movements: {
      hocTapLamTheoTuTuongHoChiMinh: true,
      caNuocChungSucXayDungNongThonMoi: false,
      khongDeAiBiBoLaiPhiaSau: false,
      thiDuaChaoMungNgayKyNien: true,
      thiDuaTheoChuyenDe: false,
    },
    hasOtherMovements: false,
    signingPlace: 'Thành phố Thanh Hóa',
    signingDate: '2020-02-14T08:00:00+07:00',
  };
}
