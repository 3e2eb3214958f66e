import * as asn1js from 'asn1js';
import type { RelativeDistinguishedNames } from 'pkijs';

/*
 * Subject and issuer names as people read them: RFC 4514 strings ("CN=Nguyễn Văn A,O=VKSND Thanh Hóa,C=VN"),
 * most specific attribute first, with UTF-8, BMP and Teletex values decoded to text.
 */

/** One attribute of a name, in certificate order; `text` is null when the value is not a string type. */
export interface NameAttribute {
  type: string;
  text: string | null;
  /** DER of the value, used for RFC 4514's `#hex` form when `text` is null. */
  der: Uint8Array;
}

/**
 * Short names: RFC 4514's own (CN, L, ST, O, OU, C, STREET, DC, UID) plus those that openssl and Windows
 * show and Vietnamese certificates use (E for the e-mail address, SERIALNUMBER, T, SN, GN). Others are
 * written as dotted OIDs, as RFC 4514 asks.
 */
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GN',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};

/**
 * RFC 4514, section 2.4: backslash before `" + , ; < > \`, before a leading `#` or space and a trailing
 * space, and NUL as `\00`. Letters outside ASCII stay as they are (the RFC allows UTF-8).
 */
export function escapeAttributeValue(value: string): string {
  const escaped = value.replace(/[\\"+,;<>]/g, (character) => `\\${character}`).replaceAll('\u0000', '\\00');
  return escaped.replace(/^[# ]/, (character) => `\\${character}`).replace(/ $/, '\\ ');
}

/** `TYPE=value` pairs joined by commas, the last attribute of the certificate first (RFC 4514, 2.1). */
export function formatDistinguishedName(attributes: readonly NameAttribute[]): string {
  return [...attributes]
    .reverse()
    .map((attribute) => {
      const type = SHORT_NAMES[attribute.type] ?? attribute.type;
      const value = attribute.text === null ? `#${Buffer.from(attribute.der).toString('hex')}` : escapeAttributeValue(attribute.text);
      return `${type}=${value}`;
    })
    .join(',');
}

/**
 * The attributes of a pkijs name. pkijs flattens multi-valued RDNs into one list, so an `A+B` RDN is
 * written `A,B`: such names are rare in signing certificates and the string is for reading, not matching.
 */
export function nameAttributesOf(name: RelativeDistinguishedNames): NameAttribute[] {
  return name.typesAndValues.map(({ type, value }) => ({
    type,
    text: value instanceof asn1js.BaseStringBlock ? value.getValue() : null,
    der: new Uint8Array(value.toBER(false)),
  }));
}

export function distinguishedName(name: RelativeDistinguishedNames): string {
  return formatDistinguishedName(nameAttributesOf(name));
}
