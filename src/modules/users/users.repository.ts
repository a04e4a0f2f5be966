import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/database-errors';
import { escapeLike } from '../../database/sql-text';
import type { Cursor } from '../../common/pagination/pagination';
import type { UserRole } from './domain/user-role';
import { UserEntity } from './user.entity';

export interface UserFilter {
  role?: UserRole;
  active?: boolean;
  /** Part of an email or display name, any case. */
  search?: string;
}

export type NewUser = Pick<UserEntity, 'email' | 'displayName' | 'role' | 'passwordHash'>;

export type UserChanges = Partial<
  Pick<UserEntity, 'displayName' | 'role' | 'active' | 'passwordHash'>
> & { revokeTokens?: boolean };

/** Bootstrap runs once per database even when several processes start together. */
const BOOTSTRAP_LOCK_KEY = 7_240_629;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /**
   * The account without its password hash: what every authenticated request's token check reads.
   * Plain SQL rather than the entity repository, whose query building costs CPU on each request.
   */
  async findProfileById(id: string): Promise<Omit<UserEntity, 'passwordHash'> | null> {
    const rows = await this.dataSource.query<
      {
        id: string;
        email: string;
        display_name: string;
        role: UserEntity['role'];
        active: boolean;
        token_version: number;
        last_login_at: Date | null;
        created_at: Date;
        updated_at: Date;
      }[]
    >(
      `SELECT id, email, display_name, role, active, token_version, last_login_at, created_at,
              updated_at
         FROM users WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          role: row.role,
          active: row.active,
          tokenVersion: row.token_version,
          lastLoginAt: row.last_login_at,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        }
      : null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  /** One page sorted by (created_at, id), fetching one extra row to know whether more follow. */
  findPage(filter: UserFilter, after: Cursor | undefined, limit: number): Promise<UserEntity[]> {
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .orderBy('user.createdAt', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .limit(limit + 1);
    if (filter.role !== undefined) query.andWhere('user.role = :role', { role: filter.role });
    if (filter.active !== undefined)
      query.andWhere('user.active = :active', { active: filter.active });
    if (filter.search !== undefined) {
      query.andWhere(`(user.email ILIKE :pattern OR user.displayName ILIKE :pattern)`, {
        pattern: `%${escapeLike(filter.search)}%`,
      });
    }
    if (after) {
      query.andWhere('(user.createdAt, user.id) > (:createdAt, :id)', {
        createdAt: after.createdAt,
        id: after.id,
      });
    }
    return query.getMany();
  }

  /** Inserts a user; undefined when the email is already taken. */
  async insert(
    user: NewUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity | undefined> {
    try {
      return await manager.getRepository(UserEntity).save(manager.create(UserEntity, user));
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_users_email')) return undefined;
      throw error;
    }
  }

  /**
   * Applies changes to a user inside a transaction that first locks every active admin, so that
   * two concurrent demotions cannot leave the service without one. `guard` sees the locked state
   * and may throw to refuse.
   */
  updateGuarded(
    id: string,
    changes: UserChanges,
    guard: (user: UserEntity, otherActiveAdmins: number) => void,
  ): Promise<UserEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const admins = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('user')
        .setLock('pessimistic_write')
        .where('user.role = :role AND user.active', { role: 'admin' })
        .orWhere('user.id = :id', { id })
        .orderBy('user.id')
        .getMany();
      const user = admins.find((candidate) => candidate.id === id);
      if (!user) return null;
      guard(
        user,
        admins.filter((admin) => admin.id !== id && admin.role === 'admin' && admin.active).length,
      );
      const { revokeTokens, ...fields } = changes;
      Object.assign(user, fields);
      if (revokeTokens) user.tokenVersion += 1;
      return manager.getRepository(UserEntity).save(user);
    });
  }

  async recordLogin(id: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id }, { lastLoginAt: () => 'now()' });
  }

  hasAnyUser(): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).exists();
  }

  /** Creates the first admin unless any user exists; true when it did. */
  async insertFirstAdmin(admin: NewUser): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      if (await manager.getRepository(UserEntity).exists()) return false;
      return (await this.insert(admin, manager)) !== undefined;
    });
  }
}
