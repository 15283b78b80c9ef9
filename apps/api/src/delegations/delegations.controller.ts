import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { DelegationsService } from './delegations.service';
import { CreateDelegationDto } from './dto/create-delegation.dto';

@ApiTags('delegations')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 413, 503)
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateDelegationDto) {
    return this.delegations.create(user, dto.toUserId, dto.from.slice(0, 10), dto.until.slice(0, 10));
  }

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.delegations.list(user);
  }

  @Delete(':id')
  revoke(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.delegations.revoke(user, id);
  }
}
