import { generateSecretToken, hashSecret, secretsEqual } from './secret-token';

describe(generateSecretToken.name, () => {
  it('should give 256 bits as base64url when called', () => {
    const token = generateSecretToken();

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('should give a different token each time when called many times', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateSecretToken()));

    expect(tokens.size).toBe(1000);
  });
});

describe(hashSecret.name, () => {
  it.each([
    ['the empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('should give the SHA-256 in hex when hashing %s', (_case, text, hex) => {
    expect(hashSecret(text)).toBe(hex);
  });

  it('should give 64 hex digits that differ from the token when hashing a token', () => {
    const token = generateSecretToken();

    expect(hashSecret(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(token)).toBe(hashSecret(token));
    expect(hashSecret(token)).not.toBe(hashSecret(generateSecretToken()));
  });
});

describe(secretsEqual.name, () => {
  it.each([
    ['the same token', 'tok-en_1', 'tok-en_1', true],
    ['two empty strings', '', '', true],
    ['tokens differing in the last character', 'tok-en_1', 'tok-en_2', false],
    ['tokens of different lengths', 'tok-en_1', 'tok-en_12', false],
    ['a token and its hash', 'tok-en_1', hashSecret('tok-en_1'), false],
    ['tokens differing only in case', 'abc', 'ABC', false],
  ])('should tell whether %s are equal', (_case, a, b, equal) => {
    expect(secretsEqual(a, b)).toBe(equal);
  });

  it('should match a presented token against the stored hash when hashed first', () => {
    const token = generateSecretToken();
    const stored = hashSecret(token);

    expect(secretsEqual(hashSecret(token), stored)).toBe(true);
    expect(secretsEqual(hashSecret(generateSecretToken()), stored)).toBe(false);
  });
});
