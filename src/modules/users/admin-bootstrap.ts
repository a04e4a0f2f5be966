import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';

export const GENERATED_ADMIN_EMAIL = 'admin@rakor.local';

/**
 * On a database without users, creates the first administrator: from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or, on the embedded database, with a generated password printed once.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.hasAnyUser()) return;
    const generated = this.config.admin === undefined && this.config.database.kind === 'embedded';
    const admin =
      this.config.admin ??
      (generated
        ? { email: GENERATED_ADMIN_EMAIL, password: randomBytes(18).toString('base64url') }
        : undefined);
    if (!admin) {
      this.logger.warn('No staff account exists: set ADMIN_EMAIL and ADMIN_PASSWORD and restart.');
      return;
    }
    const created = await this.users.insertFirstAdmin({
      email: admin.email,
      displayName: 'Administrator',
      role: 'admin',
      passwordHash: await this.hasher.hash(admin.password),
    });
    if (!created) return;
    this.logger.log(`Created the first administrator, ${admin.email}`);
    if (generated) {
      process.stderr.write(
        [
          '',
          '  Rakor created the first administrator account. This password is shown once:',
          `    email:    ${admin.email}`,
          `    password: ${admin.password}`,
          '  Log in with POST /api/v1/auth/login, then create named accounts under /api/v1/users.',
          '',
        ].join('\n') + '\n',
      );
    }
  }
}
