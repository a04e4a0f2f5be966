import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  AnyStaff,
  CurrentActor,
  Organizers,
} from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsQueryDto } from './dto/list-organizations-query.dto';
import type { OrganizationDto, OrganizationPageDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

/** The catalog of organizations that take part in events. */
@ApiTags(ApiTag.Organizations)
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** List organizations: filter by kind, group, parent, region code, validity date or name. */
  @Get()
  @AnyStaff()
  @ApiProblems(400)
  listOrganizations(@Query() query: ListOrganizationsQueryDto): Promise<OrganizationPageDto> {
    return this.organizations.listOrganizations(query);
  }

  /** Add an organization: a unit of a ministry or region, or an outside organization. */
  @Post()
  @Organizers()
  @ApiProblems(400, 409)
  createOrganization(@Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.createOrganization(body);
  }

  /** Get one organization. */
  @Get(':organizationId')
  @AnyStaff()
  @ApiProblems(400, 404)
  getOrganization(@UuidParam('organizationId') id: string): Promise<OrganizationDto> {
    return this.organizations.getOrganization(id);
  }

  /** Change an organization; catalog organizations only by administrators. */
  @Patch(':organizationId')
  @Organizers()
  @ApiProblems(400, 404, 409)
  updateOrganization(
    @CurrentActor() actor: Actor,
    @UuidParam('organizationId') id: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.updateOrganization(actor, id, body);
  }

  /** Delete an organization nothing uses any more; catalog organizations stay. */
  @Delete(':organizationId')
  @HttpCode(204)
  @Organizers()
  @ApiProblems(400, 404, 409)
  deleteOrganization(@UuidParam('organizationId') id: string): Promise<void> {
    return this.organizations.deleteOrganization(id);
  }
}
