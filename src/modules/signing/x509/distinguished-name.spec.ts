import { escapeAttributeValue, formatDistinguishedName, NameAttribute } from './distinguished-name';

describe('escapeAttributeValue (RFC 4514, 2.4)', () => {
  const TABLE: [string, string][] = [
    ['Nguyễn Văn A', 'Nguyễn Văn A'],
    ['Viện kiểm sát nhân dân tỉnh Thanh Hóa', 'Viện kiểm sát nhân dân tỉnh Thanh Hóa'],
    ['Công ty A, chi nhánh B', 'Công ty A\\, chi nhánh B'],
    ['a+b;c', 'a\\+b\\;c'],
    ['<"quoted">', '\\<\\"quoted\\"\\>'],
    ['back\\slash', 'back\\\\slash'],
    ['#not-hex', '\\#not-hex'],
    [' leading and trailing ', '\\ leading and trailing\\ '],
    ['inner # and inner space', 'inner # and inner space'],
    ['nul\u0000byte', 'nul\\00byte'],
  ];
  it.each(TABLE)('%j → %j', (value, escaped) => expect(escapeAttributeValue(value)).toBe(escaped));
});

describe('formatDistinguishedName', () => {
  const text = (type: string, value: string): NameAttribute => ({ type, text: value, der: new Uint8Array() });

  it('writes the most specific attribute first with short names', () => {
    const name = [text('2.5.4.6', 'VN'), text('2.5.4.8', 'Thanh Hóa'), text('2.5.4.10', 'VKSND tỉnh Thanh Hóa'), text('2.5.4.3', 'Nguyễn Văn A')];
    expect(formatDistinguishedName(name)).toBe('CN=Nguyễn Văn A,O=VKSND tỉnh Thanh Hóa,ST=Thanh Hóa,C=VN');
  });

  it('names the Vietnamese identity attributes (UID, E) and writes unknown types as OIDs', () => {
    const name = [text('0.9.2342.19200300.100.1.1', 'CMND:123456789'), text('1.2.840.113549.1.9.1', 'a@vks.gov.vn'), text('1.2.3.4', 'x')];
    expect(formatDistinguishedName(name)).toBe('1.2.3.4=x,E=a@vks.gov.vn,UID=CMND:123456789');
  });

  it('writes a value that is not a string as #hex of its DER', () => {
    expect(formatDistinguishedName([{ type: '2.5.4.3', text: null, der: new Uint8Array([0x02, 0x01, 0x05]) }])).toBe('CN=#020105');
  });

  it('gives an empty string for an empty name', () => expect(formatDistinguishedName([])).toBe(''));
});
