import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { roomNameKey } from './domain/event-rules';
import type { RoomDto, RoomListDto } from './dto/event.dto';
import type { CreateRoomDto, UpdateRoomDto } from './dto/room-input.dto';
import { toRoomDto } from './event.mapper';
import { EventWriteLock } from './event-write-lock';
import { eventNotFound, EventsError } from './events.errors';
import { EventsRepository } from './events.repository';
import { type RoomChanges, RoomsRepository } from './rooms.repository';

@Injectable()
export class RoomsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly rooms: RoomsRepository,
    private readonly writeLock: EventWriteLock,
  ) {}

  async listRooms(eventId: string): Promise<RoomListDto> {
    const rooms = await this.rooms.findByEvent(eventId);
    if (rooms.length === 0 && !(await this.events.exists(eventId))) throw eventNotFound(eventId);
    return { items: rooms.map(toRoomDto) };
  }

  async createRoom(eventId: string, input: CreateRoomDto): Promise<RoomDto> {
    const room = await this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      const created = await this.rooms.insert(manager, {
        eventId,
        name: input.name,
        nameKey: roomNameKey(input.name),
        capacity: input.capacity ?? null,
      });
      if (!created) throw nameTaken(input.name);
      return created;
    });
    return toRoomDto(room);
  }

  async updateRoom(eventId: string, roomId: string, input: UpdateRoomDto): Promise<RoomDto> {
    const room = await this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      const current = await this.rooms.findOfEvent(eventId, roomId, manager);
      if (!current) throw roomNotFound(eventId, roomId);
      const changes: RoomChanges = {};
      if (input.name !== undefined) {
        changes.name = input.name;
        changes.nameKey = roomNameKey(input.name);
      }
      if (input.capacity !== undefined) changes.capacity = input.capacity;
      const updated = await this.rooms.update(manager, current, changes);
      if (!updated) throw nameTaken(input.name ?? current.name);
      return updated;
    });
    return toRoomDto(room);
  }

  async deleteRoom(eventId: string, roomId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      const deletion = await this.rooms.delete(manager, eventId, roomId);
      switch (deletion.kind) {
        case 'deleted':
          return;
        case 'missing':
          throw roomNotFound(eventId, roomId);
        case 'in-use':
          throw new EventsError(
            'ROOM_IN_USE',
            `The room is used by ${deletion.sessions === 1 ? '1 session' : `${deletion.sessions} sessions`}; move ${deletion.sessions === 1 ? 'it' : 'them'} to another room first.`,
          );
      }
    });
  }
}

function roomNotFound(eventId: string, roomId: string): EventsError {
  return new EventsError(
    'ROOM_NOT_FOUND',
    `The event ${eventId} has no room with the id ${roomId}.`,
  );
}

function nameTaken(name: string): EventsError {
  return new EventsError(
    'ROOM_NAME_TAKEN',
    `The event already has a room named "${name}" (ignoring case and accents).`,
    'name',
  );
}
