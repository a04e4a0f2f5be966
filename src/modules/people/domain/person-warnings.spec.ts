import { personWarnings } from './person-warnings';

describe(personWarnings.name, () => {
  it.each([
    ['a man titled H.', 'Dr. Drs. H.', '198609262015051001', []],
    ['a woman titled Hj.', 'Hj.', '198609262015052001', []],
    ['no NIP', 'Hj.', null, []],
    ['no title', null, '198609262015052001', []],
    ['an invalid NIP (refused elsewhere)', 'H.', '198602302015052001', []],
    ['a woman titled H.', 'Dr. H.', '198609262015052001', ['NIP_SEX_DISAGREES_WITH_TITLE']],
    ['a man titled Hj.', 'Hj.', '198609262015051001', ['NIP_SEX_DISAGREES_WITH_TITLE']],
  ])('should warn as expected for %s', (_case, titlesBefore, nip, codes) => {
    expect(personWarnings({ titlesBefore, nip }).map((warning) => warning.code)).toEqual(codes);
  });
});
