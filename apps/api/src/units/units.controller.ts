import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { CreateUnitDto, UnitAliasDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** The commune's units and the outside bodies its plans name, with their name variants; anyone signed in reads it. */
  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.units.list(user);
  }

  /** ADMIN of the commune. */
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto) {
    const { code, ...input } = dto;
    return this.units.create(user, code, input);
  }

  /** ADMIN of the commune: name, variants, kind; `reviewing: true` makes it the reviewing unit. */
  @Put(':code')
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(user, code, dto);
  }

  /** COORDINATOR or ADMIN: a name a plan used, kept as a variant of this unit so the next import knows it. */
  @Post(':code/aliases')
  addAlias(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() dto: UnitAliasDto) {
    return this.units.addAlias(user, code, dto.alias);
  }
}
