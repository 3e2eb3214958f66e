import { interpolate, Language, Text } from '../../common/i18n/language';

/** Texts of the signing progress shown on the campaign and document pages, Vietnamese first. */
export const PACT_SIGNING_TEXTS = {
  heading: { vi: 'Ký kết giao ước', en: 'Signing of the pact' },
  unitsSigned: { vi: '{signed}/{total} đơn vị đã ký', en: '{signed}/{total} units have signed' },
  inForce: { vi: 'Giao ước có hiệu lực từ', en: 'The pact is in force since' },
  open: { vi: 'Giao ước chưa có hiệu lực: các đơn vị đang ký.', en: 'The pact is not in force yet: the units are signing.' },
  declined: { vi: 'Việc ký kết dừng lại: có đơn vị từ chối ký.', en: 'The signing stopped: a unit declined to sign.' },
  closed: { vi: 'Việc ký kết đã kết thúc mà giao ước chưa có hiệu lực.', en: 'The signing ended without the pact coming into force.' },
  signedVersion: { vi: 'Văn bản được ký: phiên bản {number}.', en: 'Text signed: version {number}.' },
  unitsLabel: { vi: 'Các đơn vị ký', en: 'The units signing' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  awaitingConfirmation: { vi: 'Chữ ký trên giấy chờ đơn vị xác nhận', en: 'Paper signature awaiting the unit’s confirmation' },
  notYet: { vi: 'Chưa ký', en: 'Not signed yet' },
  declinedUnit: { vi: 'Từ chối ký', en: 'Declined to sign' },
  reason: { vi: 'Lý do: {reason}', en: 'Reason: {reason}' },
  signedBy: { vi: 'người ký {name}', en: 'signed by {name}' },
} satisfies Record<string, Text>;

export type PactSigningTextKey = keyof typeof PACT_SIGNING_TEXTS;

export function st(language: Language, key: PactSigningTextKey, params?: Record<string, unknown>): string {
  return interpolate(PACT_SIGNING_TEXTS[key][language], params);
}

/** The three ways to sign, in words. */
export const SIGNATURE_METHOD_TEXTS: Record<string, Text> = {
  passkey: { vi: 'Khóa truy cập', en: 'Passkey' },
  x509: { vi: 'Chữ ký số', en: 'Digital signature (X.509)' },
  paper: { vi: 'Ký trên giấy tại hội nghị', en: 'On paper at the conference' },
};
