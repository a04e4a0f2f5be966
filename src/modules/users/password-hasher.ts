import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), OWASP-compliant. */
@Injectable()
export class PasswordHasher {
  /**
   * A hash of a password nobody has, verified when the email is unknown so timing tells nothing.
   * Made on the first such login, not at start: hashing costs 64 MiB and a slice of start-up.
   */
  private decoy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      this.decoy ??= this.hash('rakor-decoy-password-for-unknown-emails');
      const matches = await argon2.verify(hash ?? (await this.decoy), password);
      return hash !== undefined && matches;
    } catch {
      return false;
    }
  }
}
