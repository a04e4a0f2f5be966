import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SESSION_ROLES, type SessionRole } from '../domain/session-kinds';

/** A role in the session, held by a person or an organization: give exactly one of the ids. */
export class SessionRoleInputDto {
  /** @example "speaker" */
  @ApiProperty({ enum: SESSION_ROLES, enumName: 'SessionRole' })
  @IsIn(SESSION_ROLES)
  role!: SessionRole;

  /** A person from /people. */
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  /** An organization from /organizations, such as an outside team. */
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}
