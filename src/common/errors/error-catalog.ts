import { Text } from '../i18n/language';

/** How an error is handled: the HTTP status it maps to and whether a worker retries it. */
export type ErrorKind =
  | 'user' // bad input: 400/422, never retried
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409: state changed or a uniqueness rule; often safe to retry
  | 'too-large' // 413
  | 'rate-limited' // 429
  | 'operational' // 503: a dependency is down; retry later
  | 'unexpected'; // 500: a bug; logged under an errorId

interface CatalogEntry {
  kind: ErrorKind;
  /** Overrides the kind's default status (e.g. 422 for a well-formed but invalid document). */
  status?: number;
  message: Text;
}

/** Every error code the API can return, with its kind and its message in each language. */
export const ERROR_CATALOG = {
  INVALID_JSON: { kind: 'user', message: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' } },
  VALIDATION_FAILED: { kind: 'user', message: { vi: 'Dữ liệu không hợp lệ: {fields}.', en: 'Invalid data: {fields}.' } },
  PAYLOAD_TOO_LARGE: { kind: 'too-large', message: { vi: 'Nội dung gửi lên vượt quá {limit}.', en: 'The request body exceeds {limit}.' } },
  ROUTE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy địa chỉ {path}.', en: 'No route for {path}.' } },
  HTTP_ERROR: { kind: 'user', message: { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' } },
  INTERNAL_ERROR: {
    kind: 'unexpected',
    message: { vi: 'Lỗi hệ thống. Vui lòng báo mã lỗi {errorId} cho quản trị viên.', en: 'Internal error. Please report error id {errorId} to an administrator.' },
  },
  SERVICE_UNAVAILABLE: { kind: 'operational', message: { vi: 'Dịch vụ chưa sẵn sàng: {down}.', en: 'Service unavailable: {down}.' } },

  UNAUTHENTICATED: { kind: 'unauthenticated', message: { vi: 'Bạn cần đăng nhập.', en: 'You must sign in.' } },
  TOKEN_INVALID: { kind: 'unauthenticated', message: { vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.', en: 'The session token is invalid or has expired.' } },
  INVALID_CREDENTIALS: { kind: 'unauthenticated', message: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' } },
  TOO_MANY_SIGN_IN_ATTEMPTS: {
    kind: 'rate-limited',
    message: { vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {retryAfter} giây.', en: 'Too many failed sign-ins. Try again in {retryAfter} seconds.' },
  },
  FORBIDDEN_ROLE: { kind: 'forbidden', message: { vi: 'Bạn không có quyền thực hiện thao tác này (cần vai trò: {roles}).', en: 'You are not allowed to do this (requires role: {roles}).' } },
  NOT_MANDATED: {
    kind: 'forbidden',
    message: { vi: 'Bạn không có ủy quyền hợp lệ để hành động thay mặt đơn vị {unit}.', en: 'You hold no valid mandate to act for unit {unit}.' },
  },
  ACTING_UNIT_REQUIRED: {
    kind: 'user',
    message: { vi: 'Hãy chọn đơn vị bạn hành động thay mặt (tiêu đề X-Acting-Unit).', en: 'Choose the unit you act for (X-Acting-Unit header).' },
  },

  UNIT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đơn vị {id}.', en: 'Unit {id} not found.' } },
  UNIT_CODE_TAKEN: { kind: 'conflict', message: { vi: 'Mã đơn vị {code} đã được sử dụng.', en: 'Unit code {code} is already in use.' } },
  UNIT_PARENT_CYCLE: { kind: 'user', message: { vi: 'Đơn vị cấp trên tạo thành vòng lặp.', en: 'The parent unit would create a cycle.' } },
  UNIT_ARCHIVED: { kind: 'conflict', message: { vi: 'Đơn vị {code} đã lưu trữ.', en: 'Unit {code} is archived.' } },
  PERSON_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy cán bộ {id}.', en: 'Person {id} not found.' } },
  USERNAME_TAKEN: { kind: 'conflict', message: { vi: 'Tên đăng nhập {username} đã được sử dụng.', en: 'Username {username} is already in use.' } },
  MANDATE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy ủy quyền {id}.', en: 'Mandate {id} not found.' } },
  MANDATE_DATES_INVALID: { kind: 'user', message: { vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must be after the start date.' } },
  CLUSTER_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy cụm thi đua {id}.', en: 'Cluster {id} not found.' } },
  CLUSTER_NAME_TAKEN: { kind: 'conflict', message: { vi: 'Cụm "{name}" năm {year} đã tồn tại.', en: 'Cluster "{name}" already exists for {year}.' } },
  CLUSTER_LEADER_NOT_MEMBER: {
    kind: 'user',
    message: { vi: 'Cụm trưởng và cụm phó phải là đơn vị thành viên của cụm.', en: 'The head and deputy units must be members of the cluster.' },
  },
  CLUSTER_LEADER_SAME_UNIT: { kind: 'user', message: { vi: 'Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.', en: 'The head and deputy must be different units.' } },
  CLUSTER_LEADER_NOT_EVALUATED: {
    kind: 'user',
    message: {
      vi: 'Đơn vị {unit} không được đánh giá, xếp loại năm {year} nên không thể làm cụm trưởng hoặc cụm phó.',
      en: 'Unit {unit} was not evaluated in {year}, so it cannot be cluster head or deputy.',
    },
  },
  ROLE_GRANT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy quyền {id}.', en: 'Role grant {id} not found.' } },
  CSV_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Tệp CSV có {count} dòng lỗi; chưa nhập dòng nào.', en: 'The CSV file has {count} invalid rows; nothing was imported.' },
  },
} satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  user: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  operational: 503,
  unexpected: 500,
};

export function catalogEntry(code: ErrorCode): CatalogEntry {
  return ERROR_CATALOG[code];
}

export function statusOf(code: ErrorCode): number {
  const entry = catalogEntry(code);
  return entry.status ?? STATUS_BY_KIND[entry.kind];
}
