import type PDFDocument from 'pdfkit';

type Document = InstanceType<typeof PDFDocument>;

/** The whole document once pdfkit has written it; call before `doc.end()`. */
export function collectPdf(doc: Document): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Draws on every page once all are laid out (the document needs `bufferPages: true`), with the
 * page's number and the count: for footers such as "Halaman 2 dari 5".
 */
export function onEveryPage(doc: Document, draw: (page: number, pages: number) => void): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    draw(index - start + 1, count);
  }
}

/** "Halaman 2 dari 5". */
export function pageLine(page: number, pages: number): string {
  return `Halaman ${page} dari ${pages}`;
}
