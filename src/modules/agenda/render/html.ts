import { formatInZone } from '../../../common/time/zoned-time';
import { escapeMarkup } from '../../../common/text/markup';
import { formatTimeRange } from '../domain/indonesian-format';
import type { Rundown, RundownItem } from './rundown';
import {
  documentTitle,
  EMPTY_RUNDOWN_TEXT,
  headerLines,
  isBreak,
  itemNotes,
  RUNDOWN_COLUMNS,
  RUNDOWN_HEADING,
  type RundownDay,
  rundownDays,
  versionLine,
} from './rundown-text';

/**
 * Screen and print in one sheet, inline so that the page stands alone (saved, mailed, printed
 * offline). Print: A4, the table header repeated on each page, rows kept whole, page numbers in
 * the bottom margin where the browser supports CSS paged media. Dark text on white or light grey.
 */
const STYLE = `
@page {
  size: A4;
  margin: 18mm 15mm 20mm;
  @bottom-center {
    content: "Halaman " counter(page) " dari " counter(pages);
    font: 8pt Helvetica, Arial, sans-serif;
    color: #333;
  }
}
body {
  margin: 1.5rem auto;
  padding: 0 1rem;
  max-width: 60rem;
  color: #111;
  background: #fff;
  font: 11pt/1.4 Helvetica, Arial, sans-serif;
}
header { text-align: center; border-bottom: 1px solid #8c8c8c; padding-bottom: 0.75rem; }
h1 { margin: 0 0 0.5rem; font-size: 1.25rem; }
h1 span { display: block; }
header p { margin: 0.15rem 0; }
h2 { margin: 1.25rem 0 0.5rem; font-size: 1.05rem; break-after: avoid; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #8c8c8c; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
tbody th { width: 9rem; font-weight: normal; white-space: nowrap; }
tr.break { background: #f0f0f0; }
td p { margin: 0 0 0.2rem; }
.title { font-weight: bold; }
.description { white-space: pre-line; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
footer { margin-top: 1.5rem; border-top: 1px solid #8c8c8c; padding-top: 0.5rem; font-size: 0.85rem; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
`;

/**
 * The rundown as a standalone, printable HTML page: the same heading, header lines and footer as
 * the PDF; one section per day with an `<h2>` and a table whose rows are headed by their time.
 * Every text from the rundown is escaped; there are no scripts and no external assets.
 */
export function renderHtml(rundown: Rundown): string {
  const days = rundownDays(rundown);
  const notesOf = itemNotes(rundown);
  const sections =
    days.length === 0
      ? [`<p>${escapeMarkup(EMPTY_RUNDOWN_TEXT)}</p>`]
      : days.map((day) => daySection(day, rundown.event.timeZone, notesOf));
  return [
    '<!DOCTYPE html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeMarkup(documentTitle(rundown))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1><span>${RUNDOWN_HEADING}</span> <span>${escapeMarkup(rundown.event.title)}</span></h1>`,
    ...headerLines(rundown).map((line) => `<p>${escapeMarkup(line)}</p>`),
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    `<footer><p>${escapeMarkup(versionLine(rundown))}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function daySection(
  day: RundownDay,
  timeZone: string,
  notesOf: (item: RundownItem) => string[],
): string {
  const headingId = `hari-${day.date}`;
  const label = escapeMarkup(day.label);
  return [
    `<section aria-labelledby="${headingId}">`,
    `<h2 id="${headingId}"><time datetime="${day.date}">${label}</time></h2>`,
    '<table>',
    `<caption class="visually-hidden">Susunan acara ${label}</caption>`,
    '<thead><tr>',
    ...[RUNDOWN_COLUMNS.time, RUNDOWN_COLUMNS.item, RUNDOWN_COLUMNS.notes].map(
      (column) => `<th scope="col">${column}</th>`,
    ),
    '</tr></thead>',
    '<tbody>',
    ...day.items.map((item) => itemRow(item, timeZone, notesOf(item))),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

/**
 * One item: its time heads the row (`<th scope="row">`) so that a screen reader names the time
 * when reading the other cells; the time's `datetime` is the start with the zone's offset.
 */
function itemRow(item: RundownItem, timeZone: string, notes: string[]): string {
  const start = formatInZone(new Date(item.start), timeZone);
  const times = escapeMarkup(formatTimeRange(item.start, item.end, timeZone, 'id'));
  const description = item.description
    ? `<p class="description">${escapeMarkup(item.description)}</p>`
    : '';
  return [
    isBreak(item) ? '<tr class="break">' : '<tr>',
    `<th scope="row"><time datetime="${start}">${times}</time></th>`,
    `<td><p class="title">${escapeMarkup(item.title)}</p>${description}</td>`,
    `<td>${notes.map((line) => `<p>${escapeMarkup(line)}</p>`).join('')}</td>`,
    '</tr>',
  ].join('');
}
