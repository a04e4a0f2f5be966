import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyStaff, Organizers } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { ListPeopleQueryDto } from './dto/list-people-query.dto';
import { CreatePersonDto, UpdatePersonDto } from './dto/person-input.dto';
import type { PersonDto, PersonPageDto } from './dto/person.dto';
import { PeopleService } from './people.service';

/** People who speak, moderate, open or report at events. */
@ApiTags(ApiTag.People)
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** List people by name, filtered by organization or by words of their name, NIP or email. */
  @Get()
  @AnyStaff()
  @ApiProblems(400)
  listPeople(@Query() query: ListPeopleQueryDto): Promise<PersonPageDto> {
    return this.people.listPeople(query);
  }

  /** Add a person; the response lists fields that disagree in a way that may be legitimate. */
  @Post()
  @Organizers()
  @ApiProblems(400, 409)
  createPerson(@Body() body: CreatePersonDto): Promise<PersonDto> {
    return this.people.createPerson(body);
  }

  /** Get one person. */
  @Get(':personId')
  @AnyStaff()
  @ApiProblems(400, 404)
  getPerson(@UuidParam('personId') id: string): Promise<PersonDto> {
    return this.people.getPerson(id);
  }

  /** Change a person's details. */
  @Patch(':personId')
  @Organizers()
  @ApiProblems(400, 404, 409)
  updatePerson(
    @UuidParam('personId') id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonDto> {
    return this.people.updatePerson(id, body);
  }

  /** Delete a person who holds no role any more. */
  @Delete(':personId')
  @HttpCode(204)
  @Organizers()
  @ApiProblems(400, 404, 409)
  deletePerson(@UuidParam('personId') id: string): Promise<void> {
    return this.people.deletePerson(id);
  }
}
