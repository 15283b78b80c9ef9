import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsString } from 'class-validator';
import { AuthUser, CurrentUser } from '../common/current-user';
import { DelegationsService } from './delegations.service';

class CreateDelegationDto {
  @ApiProperty() @IsString() toUserId: string;
  @ApiProperty({ example: '2026-11-26' }) @IsDateString({ strict: true }) from: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) until: string;
}

@ApiTags('delegations')
@ApiBearerAuth()
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
