import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PersonEntity } from '../people/person.entity';
import { SESSION_ROLES, type SessionRole } from './domain/session-kinds';
import { SessionEntity } from './session.entity';

/** A person or an organization (a team from outside) holding a role in an agenda item. */
@Entity({ name: 'session_role_holders' })
@Check('CK_session_role_holders_one_holder', `num_nonnulls(person_id, organization_id) = 1`)
@Index('IX_session_role_holders_session_id_position', ['sessionId', 'position'])
@Index('UQ_session_role_holders_person', ['sessionId', 'role', 'personId'], {
  unique: true,
  where: 'person_id IS NOT NULL',
})
@Index('UQ_session_role_holders_organization', ['sessionId', 'role', 'organizationId'], {
  unique: true,
  where: 'organization_id IS NOT NULL',
})
@Index('IX_session_role_holders_person_id', ['personId'])
@Index('IX_session_role_holders_organization_id', ['organizationId'])
export class SessionRoleHolderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, (session) => session.roleHolders, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionEntity>;

  @Column({ type: 'enum', enum: SESSION_ROLES, enumName: 'session_role' })
  role!: SessionRole;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity> | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity> | null;

  /** Order in which the holders are listed. */
  @Column({ type: 'integer' })
  position!: number;
}
