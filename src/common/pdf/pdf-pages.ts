import PDFDocument from 'pdfkit';

type Document = InstanceType<typeof PDFDocument>;

/** The standard PDF fonts, whose WinAnsi encoding covers Indonesian text and the en dash. */
export const REGULAR_FONT = 'Helvetica';
export const BOLD_FONT = 'Helvetica-Bold';
export const MONO_FONT = 'Courier';

/** Near-black text, grey rules, and the light ground of header rows, totals and breaks. */
export const TEXT_COLOR = '#111111';
export const RULE_COLOR = '#8c8c8c';
export const SHADE_COLOR = '#e8e8e8';

/**
 * The page of a printed report, A4 portrait (595 × 842 points): margins whose bottom one leaves
 * room for the footer, which stands `footerOffset` points above the page's foot.
 */
export const REPORT_PAGE = {
  margins: { top: 50, bottom: 64, left: 50, right: 50 },
  footerOffset: 44,
} as const;

/** How a document is laid out: everything pdfkit takes but what `createPdfDocument` fixes. */
type PdfLayout = Omit<PDFKit.PDFDocumentOptions, 'size' | 'lang' | 'displayTitle' | 'info'>;

export interface PdfDocumentOptions extends PdfLayout {
  /** The document's title, which viewers show instead of the file name. */
  title: string;
  subject: string;
  /** The creation date, so that the same input gives the same bytes; pdfkit's clock when absent. */
  createdAt?: Date;
}

/** An A4 document in Indonesian, by Rakor, with its title and subject. */
export function createPdfDocument({
  title,
  subject,
  createdAt,
  ...layout
}: PdfDocumentOptions): Document {
  return new PDFDocument({
    size: 'A4',
    ...layout,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: title,
      Author: 'Rakor',
      Creator: 'Rakor',
      Subject: subject,
      // pdfkit takes a key given as undefined for a value, so absent dates are left out.
      ...(createdAt ? { CreationDate: createdAt, ModDate: createdAt } : {}),
    },
  });
}

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

/** The width between the side margins. */
export function contentWidth(doc: Document): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Where the bottom margin begins. */
export function pageBottom(doc: Document): number {
  return doc.page.height - doc.page.margins.bottom;
}

/**
 * The document's heading: `heading` and `title` in bold, then `lines`, all centred, and a rule
 * under them.
 */
export function drawTitleBlock(
  doc: Document,
  heading: string,
  title: string,
  lines: Iterable<string>,
): void {
  const width = contentWidth(doc);
  doc.font(BOLD_FONT).fontSize(14).text(heading, { align: 'center', width });
  doc.moveDown(0.3).fontSize(12).text(title, { align: 'center', width });
  doc.moveDown(0.3).font(REGULAR_FONT).fontSize(10);
  for (const line of lines) doc.text(line, { align: 'center', width });
  doc.moveDown(0.8);
  const y = doc.y;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.margins.left + width, y)
    .stroke();
  doc.y = y + 6;
}

export interface PageFooter {
  /** Points above the page's foot. */
  offset: number;
  /** What the document is, on the left. */
  label: string;
  /** Where the page is ("Halaman 2 dari 5"), on the right. */
  page: string;
  /** When given, the label is cut with an ellipsis so as to leave this many points to the page. */
  pageRoom?: number;
}

/**
 * The current page's footer, under a rule in the current stroke colour. The bottom margin is
 * lifted while writing, or pdfkit would take text below it for an overflow and start a new page.
 */
export function drawPageFooter(doc: Document, footer: PageFooter): void {
  const { margins, height } = doc.page;
  const bottomMargin = margins.bottom;
  margins.bottom = 0;
  const y = height - footer.offset;
  const width = contentWidth(doc);
  doc
    .moveTo(margins.left, y - 6)
    .lineTo(margins.left + width, y - 6)
    .stroke();
  doc.font(REGULAR_FONT).fontSize(8).fillColor(TEXT_COLOR);
  doc.text(
    footer.label,
    margins.left,
    y,
    footer.pageRoom === undefined
      ? { width, align: 'left', lineBreak: false }
      : { width: width - footer.pageRoom, align: 'left', lineBreak: false, ellipsis: true },
  );
  doc.text(footer.page, margins.left, y, { width, align: 'right', lineBreak: false });
  margins.bottom = bottomMargin;
}
