import { FieldCipher } from './field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher('a secret long enough for the tests', 'nik');

  it('should give back the plain text when decrypting what it encrypted', () => {
    const stored = cipher.encrypt('1171014107900001');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('1171014107900001');
    expect(cipher.decrypt(stored)).toBe('1171014107900001');
  });

  it('should encrypt the same text differently each time', () => {
    expect(cipher.encrypt('1171014107900001')).not.toBe(cipher.encrypt('1171014107900001'));
  });

  it('should refuse a changed ciphertext or another purpose', () => {
    const stored = cipher.encrypt('1171014107900001');
    const parts = stored.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() =>
      new FieldCipher('a secret long enough for the tests', 'other').decrypt(stored),
    ).toThrow();
    expect(() => cipher.decrypt('plain text')).toThrow('Not a field encrypted by this service');
  });
});
