import { AgendaPlanEntity } from '../modules/agenda/agenda-plan.entity';
import { AgendaVersionEntity } from '../modules/agenda/agenda-version.entity';
import {
  AttendanceChainEntity,
  AttendanceDayEntity,
  CheckInEntity,
} from '../modules/attendance/check-in.entity';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { EventSeatsEntity } from '../modules/registrations/event-seats.entity';
import { InvitationEntity } from '../modules/registrations/invitation.entity';
import { RegistrationEntity } from '../modules/registrations/registration.entity';
import {
  SessionChoiceEntity,
  SessionSeatsEntity,
} from '../modules/registrations/session-choice.entity';
import { EventEntity } from '../modules/events/event.entity';
import { RoomEntity } from '../modules/events/room.entity';
import { OrganizationEntity } from '../modules/organizations/organization.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { SessionRoleHolderEntity } from '../modules/sessions/session-role-holder.entity';
import { SessionEntity } from '../modules/sessions/session.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity the application maps; the migrations must create exactly these tables. */
export const ENTITIES = [
  UserEntity,
  OrganizationEntity,
  PersonEntity,
  EventEntity,
  RoomEntity,
  SessionEntity,
  SessionRoleHolderEntity,
  AgendaPlanEntity,
  AgendaVersionEntity,
  InvitationEntity,
  EventSeatsEntity,
  RegistrationEntity,
  IdempotencyKeyEntity,
  SessionChoiceEntity,
  SessionSeatsEntity,
  CheckInEntity,
  AttendanceChainEntity,
  AttendanceDayEntity,
];
