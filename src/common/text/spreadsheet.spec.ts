import { neutralizeFormula, neutralizePhone } from './spreadsheet';

describe('neutralizeFormula', () => {
  it.each<[string, string, string]>([
    ['an equals sign', '=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['a plus sign', '+62812', `'+62812`],
    ['a minus sign', '-1+1', `'-1+1`],
    ['an at sign', '@SUM(A1)', `'@SUM(A1)`],
    ['a tab', '\t=1', `'\t=1`],
    ['a carriage return', '\r=1', `'\r=1`],
  ])('should prefix an apostrophe when the cell starts with %s', (_case, cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it.each<[string, string]>([
    ['plain text', 'Sesi 1: Perencanaan'],
    ['an empty cell', ''],
    ['a formula sign inside the text', 'A=B, C+D'],
    ['a leading space', ' =1'],
    ['a clock time', '08:00'],
  ])('should keep the cell when it holds %s', (_case, cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });
});

describe('neutralizePhone', () => {
  it.each<[string, string, string]>([
    ['a whole number', '+6281234567890', '+6281234567890'],
    ['a masked number', '+62********890', '+62********890'],
    ['digits without a plus', '081234567890', '081234567890'],
    ['a command after a plus', '+1+cmd|calc', `'+1+cmd|calc`],
    ['a formula', '=1+1', `'=1+1`],
    ['a minus and digits', '-1234', `'-1234`],
    ['an empty cell', '', ''],
  ])('should neutralize only what is not a phone number when given %s', (_case, cell, expected) => {
    expect(neutralizePhone(cell)).toBe(expected);
  });
});
