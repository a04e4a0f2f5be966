/** The forms the agenda is handed out in, with the media type each is sent as. */
export const AGENDA_MEDIA_TYPES = {
  json: 'application/json',
  ics: 'text/calendar',
  pdf: 'application/pdf',
  html: 'text/html',
  csv: 'text/csv',
} as const;

export type AgendaFormat = keyof typeof AGENDA_MEDIA_TYPES;
export const AGENDA_FORMATS = Object.keys(AGENDA_MEDIA_TYPES) as AgendaFormat[];

/**
 * The format to send: `?format=` when given, else the first media type of the Accept header
 * that Rakor produces, by quality then order (`*\/*` and absent mean the fallback); null when
 * the header accepts none of them.
 */
export function negotiateAgendaFormat(
  accept: string | undefined,
  fallback: AgendaFormat,
): AgendaFormat | null {
  if (!accept || accept.trim() === '') return fallback;
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      return { type, quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((range) => range.type !== '' && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { type } of ranges) {
    if (type === '*/*') return fallback;
    const exact = AGENDA_FORMATS.find((format) => AGENDA_MEDIA_TYPES[format] === type);
    if (exact) return exact;
    if (type.endsWith('/*')) {
      const family = type.slice(0, -1);
      const fallbackFirst = [fallback, ...AGENDA_FORMATS];
      const match = fallbackFirst.find((format) => AGENDA_MEDIA_TYPES[format].startsWith(family));
      if (match) return match;
    }
  }
  return null;
}
