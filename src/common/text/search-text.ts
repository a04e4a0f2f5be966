/**
 * Text as search and sorting see it: accents dropped ("Sumatera" matches "Sumatéra"), case folded,
 * punctuation turned into spaces ("H.M." matches "h m") except a dot between digits, so that a
 * region code such as 11.71 stays one word; runs of spaces collapsed.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(?<!\p{N})\.|\.(?!\p{N})|[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The words of a search query; a row matches when its folded text holds every one of them. */
export function searchWords(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

/** Joins the searchable parts of a record into the one folded text that the search scans. */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  return foldForSearch(parts.filter((part): part is string => Boolean(part)).join(' '));
}
