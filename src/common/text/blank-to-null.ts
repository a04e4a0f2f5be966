/** Optional text as stored: absent, null and empty (after the DTO trimmed it) are all null. */
export function blankToNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}
