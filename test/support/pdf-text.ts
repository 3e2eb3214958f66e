import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** The objects of a PDF as pdfkit writes them (`N 0 obj … endobj`, streams of `/Length` bytes), by number. */
function objectsOf(pdf: Buffer): Map<string, PdfObject> {
  const source = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  const header = /(\d+) 0 obj\n/g;
  for (let match = header.exec(source); match; match = header.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endobj', start);
    const streamAt = source.indexOf('stream\n', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = source.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const raw = pdf.subarray(streamAt + 7, streamAt + 7 + length);
      objects.set(match[1], { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
      header.lastIndex = streamAt + 7 + length;
    } else {
      objects.set(match[1], { dict: source.slice(start, end) });
      header.lastIndex = end;
    }
  }
  return objects;
}

/** A ToUnicode CMap as pdfkit writes it: ranges of glyph ids, each with an array of UTF-16 code units. */
function glyphMap(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
    let id = parseInt(range[1], 16);
    for (const entry of range[2].matchAll(/<([0-9a-f ]+)>/gi)) {
      glyphs.set(id++, String.fromCharCode(...entry[1].split(' ').map((unit) => parseInt(unit, 16))));
    }
  }
  return glyphs;
}

/**
 * The text a reader would copy from a PDF made by pdfkit, one entry per text operator (a line, or a table cell's
 * line), decoded through the ToUnicode map of the font in use, page after page. Enough to check what our PDFs say
 * without a PDF library; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  const lines: string[] = [];
  const pages = [...objects.values()].filter((object) => /\/Type \/Page\n/.test(object.dict));
  for (const page of pages) {
    const resources = objects.get(ref(page.dict, 'Resources') ?? '')?.dict ?? '';
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, fontRef] of (/\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const cmap = objects.get(ref(objects.get(fontRef)?.dict ?? '', 'ToUnicode') ?? '')?.stream;
      fonts.set(name, cmap ? glyphMap(cmap.toString('latin1')) : new Map());
    }
    const content = objects.get(ref(page.dict, 'Contents') ?? '')?.stream?.toString('latin1') ?? '';
    let glyphs = new Map<number, string>();
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (op[1]) {
        glyphs = fonts.get(op[1]) ?? new Map();
        continue;
      }
      const hex = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((string) => string[1]).join('') : op[3];
      lines.push((hex.match(/.{4}/g) ?? []).map((id) => glyphs.get(parseInt(id, 16)) ?? '\uFFFD').join(''));
    }
  }
  return lines;
}
