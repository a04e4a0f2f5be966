/** A person's name as kept: academic and religious titles apart from the name itself. */
export interface NameParts {
  /** Written before the name, e.g. "Dr. Drs. H." or "Prof. Ir.". */
  titlesBefore?: string | null;
  name: string;
  /** Written after the name and a comma, e.g. "M.Si" or "SSTP MM". */
  titlesAfter?: string | null;
}

/**
 * Composes the name the Indonesian way, as it goes on name tags, invitations and minutes:
 * titles before, the name, then a comma and the titles after ("Dr. Drs. H. Suhajar Diantoro,
 * M.Si"). Titles are kept apart so that people can be sorted and searched by name alone. Runs of
 * whitespace collapse to one space, blank parts are left out, and a comma someone typed at the
 * joint is not doubled.
 */
export function composeDisplayName(p: NameParts): string {
  const before = tidy(p.titlesBefore);
  const name = tidy(p.name);
  const after = tidy(p.titlesAfter).replace(/^[\s,]+/, '');
  const head = [before, name]
    .filter((part) => part !== '')
    .join(' ')
    .replace(/[\s,]+$/, '');
  if (after === '') {
    return head;
  }
  return head === '' ? after : `${head}, ${after}`;
}

function tidy(part: string | null | undefined): string {
  return (part ?? '').replace(/\s+/g, ' ').trim();
}
