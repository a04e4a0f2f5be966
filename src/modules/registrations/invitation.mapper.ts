import type { InvitationRecord } from './invitations.repository';
import type { InvitationDto } from './dto/invitation.dto';

export function toInvitationDto(invitation: InvitationRecord): InvitationDto {
  const { organization } = invitation;
  const hasFocal =
    invitation.focalName !== null ||
    invitation.focalEmail !== null ||
    invitation.focalPhone !== null;
  return {
    id: invitation.id,
    eventId: invitation.eventId,
    organization: {
      id: organization.id,
      name: organization.name,
      acronym: organization.acronym,
      kind: organization.kind,
      reportingGroup: organization.reportingGroup,
      regionCode: organization.regionCode,
    },
    seatQuota: invitation.seatQuota,
    seatsTaken: invitation.seatsTaken,
    focalPoint: hasFocal
      ? { name: invitation.focalName, email: invitation.focalEmail, phone: invitation.focalPhone }
      : null,
    status: invitation.status,
    createdAt: invitation.createdAt.toISOString(),
    updatedAt: invitation.updatedAt.toISOString(),
  };
}
