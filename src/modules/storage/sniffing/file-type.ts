import { storedEntryContent, ZipEntry, zipEntries } from './zip-entries';

/** A file type read from the bytes themselves. */
export interface DetectedFileType {
  mediaType: string;
  /** Without the dot. */
  extension: string;
}

const type = (mediaType: string, extension: string): DetectedFileType => ({ mediaType, extension });

/** The types accepted as evidence: documents and images people scan or write, nothing that runs. */
export const EVIDENCE_TYPES = {
  pdf: type('application/pdf', 'pdf'),
  png: type('image/png', 'png'),
  jpeg: type('image/jpeg', 'jpg'),
  gif: type('image/gif', 'gif'),
  webp: type('image/webp', 'webp'),
  tiff: type('image/tiff', 'tif'),
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  odt: type('application/vnd.oasis.opendocument.text', 'odt'),
  ods: type('application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  odp: type('application/vnd.oasis.opendocument.presentation', 'odp'),
  doc: type('application/msword', 'doc'),
  xls: type('application/vnd.ms-excel', 'xls'),
  ppt: type('application/vnd.ms-powerpoint', 'ppt'),
} as const;

const EVIDENCE_MEDIA_TYPES: ReadonlySet<string> = new Set(Object.values(EVIDENCE_TYPES).map((t) => t.mediaType));

/** Whether a detected media type may be stored as evidence. */
export const isEvidenceMediaType = (mediaType: string): boolean => EVIDENCE_MEDIA_TYPES.has(mediaType);

/** Types recognised only to name them when refusing (executables, macro-enabled documents, other archives). */
const REFUSED_TYPES = {
  elf: type('application/x-executable', 'elf'),
  windowsExecutable: type('application/vnd.microsoft.portable-executable', 'exe'),
  machO: type('application/x-mach-binary', 'macho'),
  script: type('text/x-shellscript', 'sh'),
  zip: type('application/zip', 'zip'),
  ole: type('application/x-ole-storage', 'ole'),
  docm: type('application/vnd.ms-word.document.macroenabled.12', 'docm'),
  xlsm: type('application/vnd.ms-excel.sheet.macroenabled.12', 'xlsm'),
  pptm: type('application/vnd.ms-powerpoint.presentation.macroenabled.12', 'pptm'),
} as const;

const startsWith = (head: Buffer, bytes: number[] | string, at = 0): boolean => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Mach-O 32/64-bit in both byte orders, and universal binaries. */
const MACH_O_SIGNATURES = [
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];

/**
 * The type of a file from its content, never from its name or declared Content-Type: PDF, PNG, JPEG, GIF, WebP, TIFF,
 * Office Open XML (docx, xlsx, pptx; their macro-enabled variants are told apart), OpenDocument (odt, ods, odp),
 * legacy Office compound files (doc, xls, ppt), and, to name them when refusing, executables, scripts and other zip
 * or compound files. `content` is the whole file (a zip is read from its central directory at the end) or at least its
 * head; `declaredExtension` only breaks a tie between legacy Office streams. Null: not a type we know.
 */
export function detectFileType(content: Buffer, declaredExtension?: string): DetectedFileType | null {
  if (startsWith(content, '%PDF-')) return EVIDENCE_TYPES.pdf;
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return EVIDENCE_TYPES.png;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return EVIDENCE_TYPES.jpeg;
  if (startsWith(content, 'GIF87a') || startsWith(content, 'GIF89a')) return EVIDENCE_TYPES.gif;
  if (startsWith(content, 'RIFF') && startsWith(content, 'WEBP', 8)) return EVIDENCE_TYPES.webp;
  if (startsWith(content, [0x49, 0x49, 0x2a, 0x00]) || startsWith(content, [0x4d, 0x4d, 0x00, 0x2a])) return EVIDENCE_TYPES.tiff;
  if (startsWith(content, ZIP_SIGNATURE)) return zipType(content);
  if (startsWith(content, OLE_SIGNATURE)) return compoundFileType(content, declaredExtension);
  if (startsWith(content, [0x7f, 0x45, 0x4c, 0x46])) return REFUSED_TYPES.elf;
  if (startsWith(content, 'MZ')) return REFUSED_TYPES.windowsExecutable;
  if (MACH_O_SIGNATURES.some((signature) => startsWith(content, signature))) return REFUSED_TYPES.machO;
  if (startsWith(content, '#!')) return REFUSED_TYPES.script;
  return null;
}

function zipType(content: Buffer): DetectedFileType {
  const entries = zipEntries(content);
  const names = entries.map((entry) => entry.name);
  const opendocument = openDocumentType(content, entries);
  if (opendocument) return opendocument;
  if (!names.includes('[Content_Types].xml')) return REFUSED_TYPES.zip;
  // A VBA project makes a document that runs code when opened: refused under its own name.
  const hasMacros = names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name));
  const under = (folder: string) => names.some((name) => name.startsWith(folder));
  if (under('word/')) return hasMacros ? REFUSED_TYPES.docm : EVIDENCE_TYPES.docx;
  if (under('xl/')) return hasMacros ? REFUSED_TYPES.xlsm : EVIDENCE_TYPES.xlsx;
  if (under('ppt/')) return hasMacros ? REFUSED_TYPES.pptm : EVIDENCE_TYPES.pptx;
  return REFUSED_TYPES.zip;
}

/** OpenDocument puts its media type, uncompressed, in an entry named `mimetype`. */
function openDocumentType(content: Buffer, entries: ZipEntry[]): DetectedFileType | null {
  const entry = entries.find((candidate) => candidate.name === 'mimetype');
  const declared = entry ? storedEntryContent(content, entry)?.toString('latin1').trim() : undefined;
  return [EVIDENCE_TYPES.odt, EVIDENCE_TYPES.ods, EVIDENCE_TYPES.odp].find((candidate) => candidate.mediaType === declared) ?? null;
}

/** The stream each legacy Office format keeps its content in, as its directory names it (UTF-16LE). */
const COMPOUND_STREAMS: [DetectedFileType, string[]][] = [
  [EVIDENCE_TYPES.doc, ['WordDocument']],
  [EVIDENCE_TYPES.xls, ['Workbook', 'Book']],
  [EVIDENCE_TYPES.ppt, ['PowerPoint Document']],
];

/**
 * A compound file (OLE) is a doc, xls or ppt only when its directory holds that format's stream: the header alone is
 * shared with installers (msi) and other containers. When streams of several formats appear, the declared extension
 * chooses among them.
 */
function compoundFileType(content: Buffer, declaredExtension: string | undefined): DetectedFileType {
  const found = COMPOUND_STREAMS.filter(([, streams]) => streams.some((stream) => content.includes(Buffer.from(`${stream}\0`, 'utf16le')))).map(([candidate]) => candidate);
  const declared = declaredExtension?.toLowerCase().replace(/^\./, '');
  return found.find((candidate) => candidate.extension === declared) ?? found[0] ?? REFUSED_TYPES.ole;
}
