import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { UuidParam } from '../../common/validation/uuid-param';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import type { UserDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

/** Staff accounts, managed by administrators. */
@ApiTags(ApiTag.Users)
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** List staff accounts, oldest first, filtered by role, state or text. */
  @Get()
  @ApiProblems(400)
  listUsers(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.listUsers(query);
  }

  /** Create a staff account. */
  @Post()
  @ApiProblems(400, 409)
  createUser(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.createUser(body);
  }

  /** Get one staff account. */
  @Get(':userId')
  @ApiProblems(400, 404)
  getUser(@UuidParam('userId') userId: string): Promise<UserDto> {
    return this.users.getUser(userId);
  }

  /** Change a staff account's name, role, state or password. */
  @Patch(':userId')
  @ApiProblems(400, 404, 409)
  updateUser(@UuidParam('userId') userId: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.updateUser(userId, body);
  }

  /** Deactivate a staff account: it can no longer log in and its tokens stop working. */
  @Delete(':userId')
  @HttpCode(204)
  @ApiProblems(400, 404, 409)
  deactivateUser(@UuidParam('userId') userId: string): Promise<void> {
    return this.users.deactivateUser(userId);
  }
}
