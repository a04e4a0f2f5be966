import { composeDisplayName, type NameParts } from '../../people/domain/display-name';
import {
  BOLD_FONT,
  collectPdf,
  createPdfDocument,
  onEveryPage,
  pageLine,
  REGULAR_FONT,
  TEXT_COLOR,
} from '../../../common/pdf/pdf-pages';
import { QR_QUIET_ZONE, qrModules } from './qr';

type Document = PDFKit.PDFDocument;

/**
 * What a name tag says its wearer does, with the band colour that lets staff and guests tell
 * at a glance from across a room. The colours are dark enough for white text and distinct when
 * printed on an office laser printer.
 */
export const NAME_TAG_ROLES = {
  delegate: { label: 'Peserta', color: '#1f4e9c' },
  speaker: { label: 'Narasumber', color: '#b3261e' },
  moderator: { label: 'Moderator', color: '#6a3d9a' },
  panelist: { label: 'Panelis', color: '#b45309' },
  mc: { label: 'Pembawa Acara', color: '#0f766e' },
  note_taker: { label: 'Notulis', color: '#4b5563' },
  organizer: { label: 'Panitia', color: '#15803d' },
  press: { label: 'Media', color: '#111827' },
} as const satisfies Record<string, { label: string; color: string }>;
export type NameTagRole = keyof typeof NAME_TAG_ROLES;

/** One wearer's tag. */
export interface NameTag extends NameParts {
  /** The delegation's or the person's organization, e.g. "Pemerintah Provinsi Aceh". */
  organization: string;
  position?: string | null;
  role: NameTagRole;
  /** The registration code, printed under the QR code that holds the same text. */
  code: string;
}

export interface NameTagSheet {
  eventTitle: string;
  /** Printed in this order; sort them (by organization, by name) before. */
  tags: readonly NameTag[];
  /** The PDF's creation date, so that the same sheet gives the same bytes. */
  printedAt: Date;
}

const MUTED_COLOR = '#555555';
const CUT_COLOR = '#9a9a9a';
const BAND_TEXT_COLOR = '#ffffff';

const POINTS_PER_MM = 72 / 25.4;
/** 95 × 65 mm, two across and four down: 190 × 260 mm of A4's 210 × 297. */
const TAG_WIDTH = 95 * POINTS_PER_MM;
const TAG_HEIGHT = 65 * POINTS_PER_MM;
const COLUMNS = 2;
const ROWS = 4;
const TAGS_PER_PAGE = COLUMNS * ROWS;

const PADDING = 10;
const EVENT_TITLE_SIZE = 7;
const EVENT_TITLE_HEIGHT = 20;
const BAND_HEIGHT = 28;
const BAND_TEXT_SIZE = 14;
/** About 27 mm: a phone or a handheld scanner reads it from half a metre. */
const QR_SIZE = 78;
const QR_COLOR = '#000000';
const QR_GAP = 8;
const CODE_SIZE = 8;
/** The name shrinks from the largest size until it fits on two lines; below the smallest it is cut. */
const SMALLEST_NAME_SIZE = 10;
const NAME_SIZES = [18, 17, 16, 15, 14, 13, 12, 11, SMALLEST_NAME_SIZE];
const NAME_MAX_LINES = 2;
const DETAIL_SIZE = 8.5;
const DETAIL_MAX_LINES = 2;
const DETAIL_GAP = 4;
const FOOTER_SIZE = 7;
const FOOTER_OFFSET = 30;

const SHEET_HEADING = 'Tanda Pengenal';
const CUT_HINT = 'Potong mengikuti garis putus-putus';
const NO_TAGS_TEXT = 'Tidak ada tanda pengenal untuk dicetak.';

/**
 * Name tags (tanda pengenal) as a printable A4 PDF, eight to a page in a 2 × 4 grid of 95 × 65 mm
 * tags with dashed cut lines. Each tag shows the event title small at the top; the name with its
 * titles large, shrunk to fit two lines; the position and the organization; the QR code of the
 * registration code with the code under it, for check-in by scan or by typing; and a coloured
 * band with the role. Every page has "Halaman N dari M" at its foot.
 */
export async function renderNameTags(sheet: NameTagSheet): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `${SHEET_HEADING}: ${sheet.eventTitle}`,
    subject: SHEET_HEADING,
    createdAt: sheet.printedAt,
    margin: 0,
    bufferPages: true,
  });
  const bytes = collectPdf(doc);
  if (sheet.tags.length === 0) {
    doc.font(REGULAR_FONT).fontSize(10).fillColor(TEXT_COLOR);
    doc.text(NO_TAGS_TEXT, 0, doc.page.height / 2, { width: doc.page.width, align: 'center' });
  }
  sheet.tags.forEach((tag, index) => {
    const slot = index % TAGS_PER_PAGE;
    if (index > 0 && slot === 0) doc.addPage();
    const left = (doc.page.width - COLUMNS * TAG_WIDTH) / 2 + (slot % COLUMNS) * TAG_WIDTH;
    const top = (doc.page.height - ROWS * TAG_HEIGHT) / 2 + Math.floor(slot / COLUMNS) * TAG_HEIGHT;
    drawTag(doc, sheet.eventTitle, tag, left, top);
  });
  drawFooters(doc);
  doc.end();
  return bytes;
}

/** Where a tag's text goes: left of the QR code, above the role band. */
interface TextColumn {
  left: number;
  width: number;
  bottom: number;
}

function drawTag(doc: Document, eventTitle: string, tag: NameTag, left: number, top: number): void {
  doc.save().lineWidth(0.5).strokeColor(CUT_COLOR).dash(3, { space: 3 });
  doc.rect(left, top, TAG_WIDTH, TAG_HEIGHT).stroke();
  doc.restore();

  doc.font(REGULAR_FONT).fontSize(EVENT_TITLE_SIZE).fillColor(MUTED_COLOR);
  doc.text(eventTitle, left + PADDING, top + PADDING, {
    width: TAG_WIDTH - 2 * PADDING,
    height: EVENT_TITLE_HEIGHT,
    ellipsis: true,
  });

  const contentTop = top + PADDING + EVENT_TITLE_HEIGHT;
  const qrLeft = left + TAG_WIDTH - PADDING - QR_SIZE;
  drawQr(doc, tag.code, qrLeft, contentTop);
  doc.font(BOLD_FONT).fontSize(CODE_SIZE).fillColor(TEXT_COLOR);
  doc.text(tag.code, qrLeft, contentTop + QR_SIZE + 2, {
    width: QR_SIZE,
    align: 'center',
    lineBreak: false,
  });

  const bandTop = top + TAG_HEIGHT - BAND_HEIGHT;
  const column: TextColumn = {
    left: left + PADDING,
    width: qrLeft - QR_GAP - (left + PADDING),
    bottom: bandTop - DETAIL_GAP,
  };
  const nameEnd = drawName(doc, composeDisplayName(tag), column, contentTop);
  const positionEnd = drawDetail(doc, tag.position, REGULAR_FONT, column, nameEnd);
  drawDetail(doc, tag.organization, BOLD_FONT, column, positionEnd);

  const role = NAME_TAG_ROLES[tag.role];
  doc.rect(left, bandTop, TAG_WIDTH, BAND_HEIGHT).fill(role.color);
  doc.font(BOLD_FONT).fontSize(BAND_TEXT_SIZE).fillColor(BAND_TEXT_COLOR);
  doc.text(role.label.toUpperCase(), left, bandTop + (BAND_HEIGHT - doc.currentLineHeight()) / 2, {
    width: TAG_WIDTH,
    align: 'center',
    lineBreak: false,
  });
}

/**
 * The QR code as filled rectangles, one per run of dark modules in a row, inside a square of
 * QR_SIZE that keeps the quiet zone clear.
 */
function drawQr(doc: Document, payload: string, left: number, top: number): void {
  const modules = qrModules(payload);
  const unit = QR_SIZE / (modules.length + 2 * QR_QUIET_ZONE);
  const origin = QR_QUIET_ZONE * unit;
  modules.forEach((row, y) => {
    let runStart = -1;
    row.forEach((dark, x) => {
      if (dark && runStart < 0) runStart = x;
      const runEnds = runStart >= 0 && (!dark || x === row.length - 1);
      if (!runEnds) return;
      const end = dark ? x + 1 : x;
      doc.rect(
        left + origin + runStart * unit,
        top + origin + y * unit,
        (end - runStart) * unit,
        unit,
      );
      runStart = -1;
    });
  });
  doc.fill(QR_COLOR);
}

/**
 * The name at the largest size that fits it on two lines; a name too long even at the smallest
 * size is cut with an ellipsis rather than pushed into the lines below. Returns where it ends.
 */
function drawName(doc: Document, name: string, column: TextColumn, top: number): number {
  const { left, width } = column;
  doc.font(BOLD_FONT).fillColor(TEXT_COLOR);
  const fits = (size: number) => {
    doc.fontSize(size);
    return doc.heightOfString(name, { width }) <= NAME_MAX_LINES * doc.currentLineHeight(true);
  };
  doc.fontSize(NAME_SIZES.find(fits) ?? SMALLEST_NAME_SIZE);
  doc.text(name, left, top, {
    width,
    height: NAME_MAX_LINES * doc.currentLineHeight(true),
    ellipsis: true,
  });
  return doc.y;
}

/**
 * A line or two under what is above it, cut with an ellipsis where it would reach the role band.
 * Blank text takes no room. Returns where it ends.
 */
function drawDetail(
  doc: Document,
  text: string | null | undefined,
  font: string,
  column: TextColumn,
  top: number,
): number {
  const detail = text?.replace(/\s+/g, ' ').trim() ?? '';
  doc.font(font).fontSize(DETAIL_SIZE).fillColor(TEXT_COLOR);
  const lineHeight = doc.currentLineHeight(true);
  const height = Math.min(DETAIL_MAX_LINES * lineHeight, column.bottom - DETAIL_GAP - top);
  if (detail === '' || height < lineHeight) return top;
  doc.text(detail, column.left, top + DETAIL_GAP, { width: column.width, height, ellipsis: true });
  return doc.y;
}

/**
 * Every page's foot, written once all pages exist: what the sheet is and how to cut it on the
 * left, "Halaman N dari M" on the right.
 */
function drawFooters(doc: Document): void {
  onEveryPage(doc, (page, pages) => {
    const left = (doc.page.width - COLUMNS * TAG_WIDTH) / 2;
    const width = COLUMNS * TAG_WIDTH;
    const y = doc.page.height - FOOTER_OFFSET;
    doc.font(REGULAR_FONT).fontSize(FOOTER_SIZE).fillColor(MUTED_COLOR);
    doc.text(`${SHEET_HEADING} · ${CUT_HINT}`, left, y, { width, lineBreak: false });
    doc.text(pageLine(page, pages), left, y, { width, align: 'right', lineBreak: false });
  });
}
