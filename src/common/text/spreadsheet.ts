/** The first characters that make a spreadsheet read a cell as a formula or a command. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as text a spreadsheet shows rather than runs (CSV injection, OWASP): a value that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so that
 * `=HYPERLINK("…")` in a title reaches Excel or LibreOffice as the text `'=HYPERLINK("…")`.
 * Apply it to every exported cell before quoting.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
