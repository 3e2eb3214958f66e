import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let fonts: PdfFonts | undefined;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, read once: it has every precomposed Vietnamese letter (ạ, ầ, ữ…),
 * unlike PDF's 14 standard fonts, and ships with the app, so no system font or network is needed.
 */
export function dejaVuFonts(): PdfFonts {
  if (!fonts) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fonts;
}
