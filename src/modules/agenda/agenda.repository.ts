import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AgendaPlanEntity } from './agenda-plan.entity';
import { AgendaVersionEntity } from './agenda-version.entity';

/** A plan as written, without its event id. */
export type AgendaPlanValues = Omit<AgendaPlanEntity, 'eventId' | 'event' | 'updatedAt'>;

/** A version about to be written; its number comes from the database. */
export type NewAgendaVersion = Pick<
  AgendaVersionEntity,
  | 'eventId'
  | 'publishedAt'
  | 'publishedBy'
  | 'note'
  | 'eventSnapshot'
  | 'items'
  | 'acknowledgedConflicts'
>;

/** The agenda's own tables: each event's plan and its published versions. */
@Injectable()
export class AgendaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findPlan(
    eventId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AgendaPlanEntity | null> {
    return manager.getRepository(AgendaPlanEntity).findOneBy({ eventId });
  }

  /** Writes the whole plan, creating it the first time; the caller holds the event's lock. */
  async savePlan(manager: EntityManager, eventId: string, plan: AgendaPlanValues): Promise<void> {
    await manager.getRepository(AgendaPlanEntity).upsert({ eventId, ...plan }, ['eventId']);
  }

  /** The version with this number, or the latest when `number` is undefined. */
  findVersion(
    eventId: string,
    number?: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AgendaVersionEntity | null> {
    return manager.getRepository(AgendaVersionEntity).findOne({
      where: number === undefined ? { eventId } : { eventId, number },
      order: { number: 'DESC' },
    });
  }

  /** Every version, newest first, each with its items (for the change counts). */
  findAllVersions(eventId: string): Promise<AgendaVersionEntity[]> {
    return this.dataSource.manager
      .getRepository(AgendaVersionEntity)
      .find({ where: { eventId }, order: { number: 'DESC' } });
  }

  /** Writes the next version: one more than the latest. The caller holds the event's lock. */
  async insertVersion(
    manager: EntityManager,
    version: NewAgendaVersion,
  ): Promise<AgendaVersionEntity> {
    const rows = await manager.query<{ next: number }[]>(
      'SELECT COALESCE(max(number), 0)::int + 1 AS next FROM agenda_versions WHERE event_id = $1',
      [version.eventId],
    );
    const number = rows[0]?.next ?? 1;
    return manager
      .getRepository(AgendaVersionEntity)
      .save(manager.create(AgendaVersionEntity, { ...version, number }));
  }
}
