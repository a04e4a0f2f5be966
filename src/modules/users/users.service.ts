import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '../../common/pagination/pagination';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQueryDto } from './dto/list-users-query.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import type { UserDto, UserPageDto } from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import { toUserDto } from './user.mapper';
import type { UserEntity } from './user.entity';
import { type UserChanges, UsersRepository } from './users.repository';
import { UsersError } from './users.errors';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async listUsers(query: ListUsersQueryDto): Promise<UserPageDto> {
    const after = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
    const rows = await this.users.findPage(
      { role: query.role, active: query.active, search: query.q },
      after,
      query.limit,
    );
    return toPage(rows, query.limit, toUserDto);
  }

  async getUser(id: string): Promise<UserDto> {
    return toUserDto(await this.require(id));
  }

  async createUser(input: CreateUserDto): Promise<UserDto> {
    const email = input.email.toLowerCase();
    const created = await this.users.insert({
      email,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await this.hasher.hash(input.password),
    });
    if (!created) throw emailTaken(email);
    return toUserDto(created);
  }

  async updateUser(id: string, input: UpdateUserDto): Promise<UserDto> {
    const changes: UserChanges = {
      displayName: input.displayName,
      role: input.role,
      active: input.active,
      passwordHash:
        input.password !== undefined ? await this.hasher.hash(input.password) : undefined,
      revokeTokens: input.password !== undefined || input.active === false,
    };
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as UserChanges;
    const updated = await this.users.updateGuarded(id, defined, (user, otherActiveAdmins) => {
      const losesAdmin =
        user.role === 'admin' &&
        user.active &&
        ((input.role !== undefined && input.role !== 'admin') || input.active === false);
      if (losesAdmin && otherActiveAdmins === 0) {
        throw new UsersError(
          'LAST_ADMIN',
          `${user.email} is the only active administrator; make another administrator first.`,
          input.active === false ? 'active' : 'role',
        );
      }
    });
    if (!updated) throw notFound(id);
    return toUserDto(updated);
  }

  async deactivateUser(id: string): Promise<void> {
    await this.updateUser(id, { active: false });
  }

  private async require(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw notFound(id);
    return user;
  }
}

function notFound(id: string): UsersError {
  return new UsersError('USER_NOT_FOUND', `No user has the id ${id}.`);
}

function emailTaken(email: string): UsersError {
  return new UsersError('USER_EMAIL_TAKEN', `Another account already uses ${email}.`, 'email');
}
