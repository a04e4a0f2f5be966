/** Escapes LIKE's wildcards so that user text matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The parameters of a statement written out by hand: `bind(value)` adds one and gives its `$n`. */
export function statementParameters(): { values: unknown[]; bind: (value: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    bind: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}
