import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/database-errors';
import { RoomEntity } from './room.entity';

/** An event has a handful of rooms; a list stops here rather than paging. */
export const MAX_ROOMS_LISTED = 500;

export type RoomChanges = Partial<Pick<RoomEntity, 'name' | 'nameKey' | 'capacity'>>;

export type RoomDeletion =
  { kind: 'deleted' } | { kind: 'missing' } | { kind: 'in-use'; sessions: number };

@Injectable()
export class RoomsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The event's rooms by folded name, at most MAX_ROOMS_LISTED. */
  findByEvent(eventId: string): Promise<RoomEntity[]> {
    return this.dataSource
      .getRepository(RoomEntity)
      .createQueryBuilder('room')
      .where('room.eventId = :eventId', { eventId })
      .orderBy('room.nameKey', 'ASC')
      .addOrderBy('room.id', 'ASC')
      .limit(MAX_ROOMS_LISTED)
      .getMany();
  }

  /** The room if it belongs to the event; a room of another event is not found. */
  findOfEvent(
    eventId: string,
    roomId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RoomEntity | null> {
    return manager.getRepository(RoomEntity).findOneBy({ id: roomId, eventId });
  }

  /** Inserts a room; undefined when the event has a room of that (folded) name. */
  async insert(
    manager: EntityManager,
    room: Pick<RoomEntity, 'eventId' | 'name' | 'nameKey' | 'capacity'>,
  ): Promise<RoomEntity | undefined> {
    try {
      return await manager.getRepository(RoomEntity).save(manager.create(RoomEntity, room));
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_rooms_event_id_name_key')) return undefined;
      throw error;
    }
  }

  /** Applies changes to a room; undefined when the new name is taken. */
  async update(
    manager: EntityManager,
    room: RoomEntity,
    changes: RoomChanges,
  ): Promise<RoomEntity | undefined> {
    try {
      return await manager.getRepository(RoomEntity).save(Object.assign(room, changes));
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_rooms_event_id_name_key')) return undefined;
      throw error;
    }
  }

  /**
   * Deletes the room unless something refers to it: the foreign keys decide, and a savepoint
   * keeps the transaction usable to count the sessions that hold on to the room.
   */
  async delete(manager: EntityManager, eventId: string, roomId: string): Promise<RoomDeletion> {
    await manager.query('SAVEPOINT delete_room');
    try {
      const deleted = await manager.query<{ id: string }[]>(
        `WITH deleted AS (DELETE FROM rooms WHERE id = $1 AND event_id = $2 RETURNING id)
         SELECT id FROM deleted`,
        [roomId, eventId],
      );
      await manager.query('RELEASE SAVEPOINT delete_room');
      return deleted.length === 1 ? { kind: 'deleted' } : { kind: 'missing' };
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT delete_room');
      const rows = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM sessions WHERE room_id = $1',
        [roomId],
      );
      return { kind: 'in-use', sessions: rows[0]?.n ?? 0 };
    }
  }
}
