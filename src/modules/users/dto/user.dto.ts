import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../domain/user-role';

/** A staff account. */
export class UserDto {
  /** @example "0b6f7c2e-8d3c-4c43-9a8a-3b9d1f0e2a11" */
  id!: string;
  /** @example "panitia@kemendagri.go.id" */
  email!: string;
  /** @example "Benni Irwan" */
  displayName!: string;
  /** What the account may do: admin manages accounts; organizer runs events; staff checks people in. */
  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' })
  role!: UserRole;
  /** Deactivated accounts cannot log in, and their tokens stop working. */
  active!: boolean;
  lastLoginAt!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

/** One page of staff accounts. */
export class UserPageDto {
  items!: UserDto[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
