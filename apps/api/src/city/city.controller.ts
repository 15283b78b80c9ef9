import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { communeDate } from '@app/domain';
import { AcrossCommunes, AuthUser, CurrentUser, Public } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { CommunesService } from './communes.service';
import { CreateCommuneDto, OverviewQueryDto } from './dto/commune.dto';
import { OverviewService } from './overview.service';

const thisYear = () => Number(communeDate(Date.now()).slice(0, 4));

/** Above the communes: the SUPERADMIN's communes, the login's commune list, and the Sở Nội vụ overview. */
@ApiTags('communes')
@ApiErrorResponses(400, 401, 403, 413, 503)
@Controller()
export class CityController {
  constructor(
    private readonly communes: CommunesService,
    private readonly overview: OverviewService,
  ) {}

  /** The communes one can sign in to (the login page's selector). */
  @Public()
  @Get('auth/communes')
  forLogin() {
    return this.communes.forLogin();
  }

  @ApiBearerAuth()
  @AcrossCommunes()
  @Get('communes')
  list(@CurrentUser() user: AuthUser) {
    return this.communes.list(user);
  }

  /** SUPERADMIN: a commune with its units, calendar and first ADMIN → 201 { code, name }; a code taken → 409. */
  @ApiBearerAuth()
  @AcrossCommunes()
  @Post('communes')
  @ApiErrorResponses(409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCommuneDto) {
    return this.communes.create(user, dto);
  }

  /** DEPARTMENT_VIEWER: per commune of its grant, tasks by status word, overdue, on-time rate, reports. */
  @ApiBearerAuth()
  @AcrossCommunes()
  @Get('overview')
  get(@CurrentUser() user: AuthUser, @Query() q: OverviewQueryDto) {
    return this.overview.overview(user, q.year ?? thisYear());
  }

  @ApiBearerAuth()
  @AcrossCommunes()
  @Get('overview.xlsx')
  @ApiOkResponse({ description: 'Bảng tổng hợp (.xlsx)' })
  async workbook(@CurrentUser() user: AuthUser, @Query() q: OverviewQueryDto, @Res() res: Response): Promise<void> {
    const year = q.year ?? thisYear();
    const buffer = await this.overview.workbook(user, year);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="tong-hop-cchc-${year}.xlsx"`);
    res.send(buffer);
  }

  /** DEPARTMENT_VIEWER: one commune's board, read-only; 404 for a commune outside its grant. */
  @ApiBearerAuth()
  @AcrossCommunes()
  @Get('overview/communes/:code')
  @ApiErrorResponses(404)
  board(@CurrentUser() user: AuthUser, @Param('code') code: string, @Query() q: OverviewQueryDto) {
    return this.overview.communeBoard(user, code, q.year ?? thisYear());
  }
}
