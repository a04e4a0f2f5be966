import { roleHoldersProblem, unknownHolderProblem } from './session-roles';

const PERSON = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const TEAM = '00000000-0000-4000-8000-000000000003';

describe('role holders', () => {
  it.each([
    [[]],
    [[{ role: 'speaker', personId: PERSON }]],
    [
      [
        { role: 'speaker', personId: PERSON },
        { role: 'moderator', personId: PERSON },
        { role: 'speaker', personId: OTHER },
        { role: 'speaker', organizationId: TEAM, personId: null },
      ],
    ],
  ] as const)('should accept %j', (roles) => {
    expect(roleHoldersProblem(roles)).toBeUndefined();
  });

  it.each([
    [
      [{ role: 'speaker' }],
      'INVALID_ROLE_HOLDER',
      'roles[0]',
      'roles[0] must name a personId or an organizationId.',
    ],
    [
      [
        { role: 'speaker', personId: PERSON },
        { role: 'mc', personId: PERSON, organizationId: TEAM },
      ],
      'INVALID_ROLE_HOLDER',
      'roles[1]',
      'roles[1] must name a personId or an organizationId, not both.',
    ],
    [
      [
        { role: 'speaker', personId: PERSON },
        { role: 'moderator', personId: OTHER },
        { role: 'speaker', personId: PERSON },
      ],
      'DUPLICATE_ROLE_HOLDER',
      'roles[2]',
      'roles[2] repeats roles[0]: the same person as speaker twice.',
    ],
  ] as const)('should refuse %j', (roles, code, field, message) => {
    expect(roleHoldersProblem(roles)).toEqual({ code, field, message });
  });

  it('should name the first unknown person or organization', () => {
    const roles = [
      { role: 'speaker', personId: PERSON },
      { role: 'panelist', organizationId: TEAM },
      { role: 'moderator', personId: OTHER },
    ] as const;
    expect(unknownHolderProblem(roles, new Set([PERSON, OTHER]), new Set([TEAM]))).toBeUndefined();
    expect(unknownHolderProblem(roles, new Set([PERSON, OTHER]), new Set())).toEqual({
      code: 'UNKNOWN_ROLE_HOLDER',
      field: 'roles[1].organizationId',
      message: `No organization has the id ${TEAM}.`,
    });
    expect(unknownHolderProblem(roles, new Set([PERSON]), new Set([TEAM]))?.field).toBe(
      'roles[2].personId',
    );
  });
});
