import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyStaff, Organizers } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import type { RoomDto, RoomListDto } from './dto/event.dto';
import { CreateRoomDto, UpdateRoomDto } from './dto/room-input.dto';
import { RoomsService } from './rooms.service';

/** The rooms of an event's venue. */
@ApiTags(ApiTag.Events)
@Controller('events/:eventId/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  /**
   * List an event's rooms by name.
   *
   * @remarks Not paginated: an event has a handful of rooms. The list stops at 500.
   */
  @Get()
  @AnyStaff()
  @ApiProblems(400, 404)
  listRooms(@UuidParam('eventId') eventId: string): Promise<RoomListDto> {
    return this.rooms.listRooms(eventId);
  }

  /** Add a room; its name must differ from the event's other rooms, ignoring case and accents. */
  @Post()
  @Organizers()
  @ApiProblems(400, 404, 409)
  createRoom(@UuidParam('eventId') eventId: string, @Body() body: CreateRoomDto): Promise<RoomDto> {
    return this.rooms.createRoom(eventId, body);
  }

  /** Rename a room or change its capacity. */
  @Patch(':roomId')
  @Organizers()
  @ApiProblems(400, 404, 409)
  updateRoom(
    @UuidParam('eventId') eventId: string,
    @UuidParam('roomId') roomId: string,
    @Body() body: UpdateRoomDto,
  ): Promise<RoomDto> {
    return this.rooms.updateRoom(eventId, roomId, body);
  }

  /** Delete a room that no session uses. */
  @Delete(':roomId')
  @HttpCode(204)
  @Organizers()
  @ApiProblems(400, 404, 409)
  deleteRoom(
    @UuidParam('eventId') eventId: string,
    @UuidParam('roomId') roomId: string,
  ): Promise<void> {
    return this.rooms.deleteRoom(eventId, roomId);
  }
}
