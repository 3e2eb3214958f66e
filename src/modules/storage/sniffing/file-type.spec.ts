import { zipSync } from 'fflate';
import { detectFileType, EVIDENCE_TYPES, isEvidenceMediaType } from './file-type';
import { zipEntries } from './zip-entries';

const bytes = (...parts: (number[] | string)[]): Buffer => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
const padded = (head: Buffer) => Buffer.concat([head, Buffer.alloc(64, 0x20)]);
const text = (value: string) => new TextEncoder().encode(value);

/** A small zip made the way office suites write theirs (entries in this order). */
const zip = (entries: Record<string, string>, stored: string[] = []) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, content]) => [name, [text(content), { level: stored.includes(name) ? 0 : 6 }]]))));

const ooxml = (folder: string, extra: Record<string, string> = {}) =>
  zip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', [`${folder}/document.xml`]: '<x/>', ...extra });
const opendocument = (mediaType: string) => zip({ mimetype: mediaType, 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<manifest/>' }, ['mimetype']);

const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A compound file's header and a directory sector naming the given streams (UTF-16LE, NUL-terminated, 128 bytes each). */
const compoundFile = (...streams: string[]) =>
  Buffer.concat([Buffer.from(OLE_HEADER), Buffer.alloc(504), ...['Root Entry', ...streams].map((name) => Buffer.concat([Buffer.from(`${name}\0`, 'utf16le'), Buffer.alloc(128 - 2 * (name.length + 1))]))]);

describe('detectFileType', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n'), EVIDENCE_TYPES.pdf],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), EVIDENCE_TYPES.png],
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), EVIDENCE_TYPES.jpeg],
    ['JPEG (Exif, as phones write)', bytes([0xff, 0xd8, 0xff, 0xe1, 0, 16], 'Exif'), EVIDENCE_TYPES.jpeg],
    ['GIF87a', bytes('GIF87a'), EVIDENCE_TYPES.gif],
    ['GIF89a', bytes('GIF89a'), EVIDENCE_TYPES.gif],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), EVIDENCE_TYPES.webp],
    ['TIFF little-endian', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), EVIDENCE_TYPES.tiff],
    ['TIFF big-endian', bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), EVIDENCE_TYPES.tiff],
  ])('%s', (_name, head, expected) => {
    expect(detectFileType(padded(head))).toEqual(expected);
  });

  it.each([
    ['docx', ooxml('word'), EVIDENCE_TYPES.docx],
    ['xlsx', ooxml('xl'), EVIDENCE_TYPES.xlsx],
    ['pptx', ooxml('ppt'), EVIDENCE_TYPES.pptx],
    ['odt', opendocument('application/vnd.oasis.opendocument.text'), EVIDENCE_TYPES.odt],
    ['ods', opendocument('application/vnd.oasis.opendocument.spreadsheet'), EVIDENCE_TYPES.ods],
    ['odp', opendocument('application/vnd.oasis.opendocument.presentation'), EVIDENCE_TYPES.odp],
  ])('%s: a zip told apart by its entries', (_name, content, expected) => {
    expect(detectFileType(content)).toEqual(expected);
  });

  it('reads a zip from its local headers when only its head is at hand (no central directory)', () => {
    const docx = ooxml('word');
    const head = docx.subarray(0, docx.indexOf(Buffer.from('PK\x01\x02', 'latin1')));
    expect(zipEntries(head).map((entry) => entry.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(detectFileType(head)).toEqual(EVIDENCE_TYPES.docx);
  });

  it('finds the Office folder even when it comes late among many entries', () => {
    const entries: Record<string, string> = { '[Content_Types].xml': '<Types/>' };
    for (let index = 0; index < 50; index++) entries[`customXml/item${index}.xml`] = '<x/>';
    entries['xl/workbook.xml'] = '<workbook/>';
    expect(detectFileType(zip(entries))).toEqual(EVIDENCE_TYPES.xlsx);
  });

  it.each([
    ['doc', compoundFile('WordDocument', '\u0001CompObj'), undefined, EVIDENCE_TYPES.doc],
    ['xls (Workbook)', compoundFile('Workbook'), undefined, EVIDENCE_TYPES.xls],
    ['xls (Excel 5 Book)', compoundFile('Book'), undefined, EVIDENCE_TYPES.xls],
    ['ppt', compoundFile('PowerPoint Document', 'Current User'), undefined, EVIDENCE_TYPES.ppt],
    ['doc with an embedded workbook, declared .doc', compoundFile('WordDocument', 'Workbook'), 'doc', EVIDENCE_TYPES.doc],
    ['the same, declared .xls', compoundFile('WordDocument', 'Workbook'), 'XLS', EVIDENCE_TYPES.xls],
    ['a doc declared .pdf is still a doc', compoundFile('WordDocument'), 'pdf', EVIDENCE_TYPES.doc],
  ])('legacy Office: %s', (_name, content, declared, expected) => {
    expect(detectFileType(content, declared)).toEqual(expected);
  });

  it.each([
    ['ELF executable renamed .pdf', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'pdf', 'application/x-executable'],
    ['Windows executable renamed .pdf', bytes('MZ', [0x90, 0, 3, 0]), 'pdf', 'application/vnd.microsoft.portable-executable'],
    ['Mach-O renamed .png', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'png', 'application/x-mach-binary'],
    ['shell script renamed .docx', bytes('#!/bin/sh\nrm -rf /\n'), 'docx', 'text/x-shellscript'],
    ['an installer (compound file without Office streams) renamed .doc', compoundFile('\u4840\u3f3f\u4577'), 'doc', 'application/x-ole-storage'],
    ['a plain zip renamed .docx', zip({ 'readme.txt': 'hello' }), 'docx', 'application/zip'],
    ['a zip with [Content_Types].xml but no Office folder', zip({ '[Content_Types].xml': '<Types/>', 'other/x.xml': '<x/>' }), 'docx', 'application/zip'],
    ['a Word document with macros', ooxml('word', { 'word/vbaProject.bin': 'VBA' }), 'docx', 'application/vnd.ms-word.document.macroenabled.12'],
    ['a workbook with macros', ooxml('xl', { 'xl/vbaProject.bin': 'VBA' }), 'xlsx', 'application/vnd.ms-excel.sheet.macroenabled.12'],
    ['an OpenDocument whose mimetype is compressed (not as ODF writes it)', zip({ mimetype: 'application/vnd.oasis.opendocument.text' }), 'odt', 'application/zip'],
  ])('names what it refuses: %s', (_name, content, declared, mediaType) => {
    const detected = detectFileType(padded(content), declared);
    expect(detected?.mediaType).toBe(mediaType);
    expect(isEvidenceMediaType(mediaType)).toBe(false);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['plain text', bytes('Báo cáo tổng kết')],
    ['HTML', bytes('<!DOCTYPE html><script>alert(1)</script>')],
    ['SVG (scripts inside an image)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['a PDF signature not at the start', bytes('junk%PDF-1.7')],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e])],
  ])('knows nothing of %s', (_name, content) => {
    expect(detectFileType(content)).toBeNull();
  });

  it('never throws on a damaged zip', () => {
    const docx = ooxml('word');
    for (const cut of [4, 10, 29, 31, 60, docx.length - 30, docx.length - 10]) {
      expect(() => detectFileType(docx.subarray(0, cut))).not.toThrow();
    }
    const corrupt = Buffer.from(docx);
    corrupt.writeUInt32LE(0xffffffff, corrupt.length - 6); // the central directory's offset points past the end
    expect(() => detectFileType(corrupt)).not.toThrow();
  });

  it('accepts every evidence type and nothing else', () => {
    for (const accepted of Object.values(EVIDENCE_TYPES)) expect(isEvidenceMediaType(accepted.mediaType)).toBe(true);
    expect(isEvidenceMediaType('text/html')).toBe(false);
  });
});
