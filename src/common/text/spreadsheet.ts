/** The first characters that make a spreadsheet read a cell as a formula or a command. */
const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r'] as const;

/** A phone number as `normalizePhone` and `maskPhone` write it: an optional plus, digits, asterisks. */
const PHONE_TEXT = /^\+?[0-9*]+$/;

/**
 * A cell as text a spreadsheet shows rather than runs (CSV injection, OWASP): a value that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so that
 * `=HYPERLINK("…")` in a title reaches Excel or LibreOffice as the text `'=HYPERLINK("…")`.
 * Apply it to every exported cell before quoting.
 */
export function neutralizeFormula(cell: string): string {
  const first = cell.charAt(0);
  return FORMULA_PREFIXES.some((prefix) => prefix === first) ? `'${cell}` : cell;
}

/**
 * `neutralizeFormula` as an SQL expression over the text expression `sql`, for exports that
 * PostgreSQL writes itself (`COPY … TO STDOUT WITH (FORMAT csv)`): the same prefixes, written as
 * `chr()` code points so that the expression needs no string literal and no bind parameter.
 * NULL stays NULL.
 */
export function neutralizeFormulaSql(sql: string): string {
  const prefixes = FORMULA_PREFIXES.map((prefix) => `chr(${prefix.charCodeAt(0)})`).join(', ');
  return `CASE WHEN left(${sql}, 1) IN (${prefixes}) THEN chr(39) || ${sql} ELSE ${sql} END`;
}

/**
 * A phone cell: left as it is when it is a number in the form `normalizePhone` and `maskPhone`
 * give (`+6281234567890`, `+62********890`), which cannot run as a formula and which an
 * apostrophe would only spoil; anything else goes through `neutralizeFormula`.
 */
export function neutralizePhone(cell: string): string {
  return PHONE_TEXT.test(cell) ? cell : neutralizeFormula(cell);
}

/**
 * `neutralizePhone` as an SQL expression over `sql`. The pattern is the JavaScript one: its
 * source reads the same as a PostgreSQL regular expression (with standard conforming strings).
 */
export function neutralizePhoneSql(sql: string): string {
  const pattern = `'${PHONE_TEXT.source.replaceAll("'", "''")}'`;
  return `CASE WHEN ${sql} ~ ${pattern} THEN ${sql} ELSE ${neutralizeFormulaSql(sql)} END`;
}
