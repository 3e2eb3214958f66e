/**
 * The seed story: Emulation Cluster No. 6 of the People's Procuracies, year 2020
 * (conference hosted by Thanh Hóa on 13 Feb 2020). The people are fictional.
 */
export interface DemoUnit {
  code: string;
  name: string;
  shortName: string;
  parent?: string;
  /** Username stem of its head and officer. */
  slug?: string;
  head?: string;
  officer?: string;
}

export const SUPREME = { code: 'VKSNDTC', name: 'Viện kiểm sát nhân dân tối cao', shortName: 'VKSND tối cao' } satisfies DemoUnit;
export const DEPARTMENT = {
  code: 'VKSNDTC-TDKT',
  name: 'Vụ Thi đua - Khen thưởng, Viện kiểm sát nhân dân tối cao',
  shortName: 'Vụ TĐKT',
  parent: SUPREME.code,
} satisfies DemoUnit;

export const CLUSTER_UNITS: DemoUnit[] = [
  { code: 'VKS-THA', name: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', shortName: 'VKSND Thanh Hóa', slug: 'thanhhoa', head: 'Lê Văn Thành', officer: 'Nguyễn Thị Hoa' },
  { code: 'VKS-NAN', name: 'Viện kiểm sát nhân dân tỉnh Nghệ An', shortName: 'VKSND Nghệ An', slug: 'nghean', head: 'Trần Đình Nghĩa', officer: 'Phạm Thị Lan' },
  { code: 'VKS-HTI', name: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh', shortName: 'VKSND Hà Tĩnh', slug: 'hatinh', head: 'Đặng Quốc Hùng', officer: 'Võ Thị Hằng' },
  { code: 'VKS-QBI', name: 'Viện kiểm sát nhân dân tỉnh Quảng Bình', shortName: 'VKSND Quảng Bình', slug: 'quangbinh', head: 'Hoàng Minh Đức', officer: 'Lê Thị Thu' },
  { code: 'VKS-QTR', name: 'Viện kiểm sát nhân dân tỉnh Quảng Trị', shortName: 'VKSND Quảng Trị', slug: 'quangtri', head: 'Nguyễn Hữu Trí', officer: 'Trương Thị Mỹ' },
  { code: 'VKS-TTH', name: 'Viện kiểm sát nhân dân tỉnh Thừa Thiên Huế', shortName: 'VKSND Thừa Thiên Huế', slug: 'hue', head: 'Phan Văn Huế', officer: 'Tôn Nữ Diệu Linh' },
].map((u) => ({ ...u, parent: SUPREME.code }));

export const CLUSTER = { name: 'Cụm thi đua số 6', year: 2020, head: 'VKS-THA', deputy: 'VKS-NAN' };

export const ADMIN = { username: 'admin', fullName: 'Quản trị hệ thống', position: 'Quản trị viên' };

export const COUNCIL_MEMBERS = [
  { username: 'tdkt.vutruong', fullName: 'Nguyễn Văn Khen', position: 'Vụ trưởng Vụ Thi đua - Khen thưởng' },
  { username: 'tdkt.chuyenvien', fullName: 'Bùi Thị Thi Đua', position: 'Chuyên viên Vụ Thi đua - Khen thưởng' },
];

/** Mandates start with the pact year and stay open so the demo works on any later date. */
export const MANDATE_FROM = '2020-01-01';

/** Parents before children. */
export const DEMO_UNIT_LIST: DemoUnit[] = [SUPREME, DEPARTMENT, ...CLUSTER_UNITS];
