/**
 * A new pdfkit document. pdfkit and its font engine (about 2 MB of code) are loaded with the first PDF rather than when
 * the app starts: most processes never write one.
 */
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  return new PDFDocument(options);
}
