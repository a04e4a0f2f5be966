import fc from 'fast-check';
import { composeDisplayName, type NameParts } from './display-name';

describe(composeDisplayName.name, () => {
  it.each<[string, NameParts, string]>([
    [
      'there are titles before and after',
      { titlesBefore: 'Dr. Drs. H.', name: 'Suhajar Diantoro', titlesAfter: 'M.Si' },
      'Dr. Drs. H. Suhajar Diantoro, M.Si',
    ],
    ['there is a name alone', { name: 'Benni Irwan' }, 'Benni Irwan'],
    [
      'there are only titles after',
      { name: 'Muhammad Iswanto', titlesAfter: 'SSTP MM' },
      'Muhammad Iswanto, SSTP MM',
    ],
    [
      'there are only titles before',
      { titlesBefore: 'Prof. Dr. Ir.', name: 'Budi Santoso' },
      'Prof. Dr. Ir. Budi Santoso',
    ],
    [
      'the titles are null',
      { titlesBefore: null, name: 'Benni Irwan', titlesAfter: null },
      'Benni Irwan',
    ],
    [
      'the titles are empty or blank',
      { titlesBefore: '', name: 'Benni Irwan', titlesAfter: ' \t ' },
      'Benni Irwan',
    ],
    [
      'the parts carry extra inner and outer whitespace',
      {
        titlesBefore: '  Dr.   Drs.\tH. ',
        name: ' Suhajar \n Diantoro ',
        titlesAfter: '  M.Si  ',
      },
      'Dr. Drs. H. Suhajar Diantoro, M.Si',
    ],
    [
      'the titles after already start with a comma',
      { name: 'Muhammad Iswanto', titlesAfter: ', SSTP MM' },
      'Muhammad Iswanto, SSTP MM',
    ],
    [
      'the name already ends with a comma',
      { name: 'Muhammad Iswanto,', titlesAfter: 'SSTP MM' },
      'Muhammad Iswanto, SSTP MM',
    ],
    [
      'the titles after have commas inside',
      { name: 'Siti Aminah', titlesAfter: 'S.H., M.H.' },
      'Siti Aminah, S.H., M.H.',
    ],
  ])('should compose the name the Indonesian way when %s', (_case, parts, expected) => {
    expect(composeDisplayName(parts)).toBe(expected);
  });

  const part = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('a', 'B', '.', ',', ' ', '  ', '\t', '\n', '\u00a0') }),
  );
  const parts = fc.record({
    titlesBefore: fc.option(part, { nil: undefined }),
    name: part,
    titlesAfter: fc.option(fc.option(part), { nil: undefined }),
  });

  it('should never have doubled, leading, trailing or other than plain spaces when given any parts', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const displayName = composeDisplayName(p);
        expect(displayName).not.toMatch(/\s\s/);
        expect(displayName).toBe(displayName.trim());
        expect(displayName).not.toMatch(/[^\S ]/);
      }),
    );
  });

  it('should keep every word of the name, in order, when given any parts', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcXYZ.'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.array(word, { maxLength: 3 }),
        fc.array(word, { maxLength: 3 }),
        (nameWords, before, after) => {
          const displayName = composeDisplayName({
            titlesBefore: before.join(' '),
            name: nameWords.join('  '),
            titlesAfter: after.join(' '),
          });
          expect(displayName).toContain(nameWords.join(' '));
          expect(
            displayName.endsWith(after.length > 0 ? `, ${after.join(' ')}` : nameWords.join(' ')),
          ).toBe(true);
        },
      ),
    );
  });
});
