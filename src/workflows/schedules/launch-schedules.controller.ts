import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { resolveLanguage } from '../../common/i18n/language';
import type { Request } from 'express';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import {
  CreateLaunchScheduleDto,
  LaunchScheduleDto,
  LaunchScheduleListDto,
  RunNowResultDto,
  ScheduledLaunchListDto,
  ScheduleIdParams,
  UpdateLaunchScheduleDto,
} from './dto/launch-schedule.dto';
import { LaunchSchedulesService } from './launch-schedules.service';

/** Scheduled launches (lịch tự động phát động): a workflow launched by itself on a date, once per year and subject. */
@ApiTags('launch-schedules')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/launch-schedules')
export class LaunchSchedulesController {
  constructor(private readonly schedules: LaunchSchedulesService) {}

  /** Every schedule with its next run and its results so far. */
  @Get()
  @ApiOkResponse({ type: LaunchScheduleListDto })
  async list(): Promise<LaunchScheduleListDto> {
    return { items: await this.schedules.list() };
  }

  /** One schedule per (workflow, year, subject kind and type): LAUNCH_SCHEDULE_EXISTS otherwise. */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: LaunchScheduleDto })
  @ApiNotFoundResponse({ description: 'SCHEDULE_WORKFLOW_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'SCHEDULE_DATE_RULE_INVALID, SCHEDULE_SUBJECT_MISMATCH, SCHEDULE_WORKFLOW_NOT_PUBLISHED, SCHEDULE_UNIT_TYPE_REQUIRED, SCHEDULE_NAME_TEMPLATE_INVALID' })
  @ApiConflictResponse({ description: 'LAUNCH_SCHEDULE_EXISTS' })
  create(@Body() body: CreateLaunchScheduleDto, @CurrentPrincipal() principal: Principal): Promise<LaunchScheduleDto> {
    return this.schedules.create(body, principal.personId);
  }

  /** One launch schedule with its next run and results. */
  @Get(':id')
  @ApiOkResponse({ type: LaunchScheduleDto })
  @ApiNotFoundResponse({ description: 'LAUNCH_SCHEDULE_NOT_FOUND' })
  get(@Param() { id }: ScheduleIdParams): Promise<LaunchScheduleDto> {
    return this.schedules.get(id);
  }

  /** Enables or disables, or changes the date rule or the name template. */
  @Patch(':id')
  @ApiOkResponse({ type: LaunchScheduleDto })
  @ApiUnprocessableEntityResponse({ description: 'SCHEDULE_DATE_RULE_INVALID, SCHEDULE_NAME_TEMPLATE_INVALID' })
  @ApiConflictResponse({ description: 'LAUNCH_SCHEDULE_CHANGED' })
  update(@Param() { id }: ScheduleIdParams, @Body() body: UpdateLaunchScheduleDto): Promise<LaunchScheduleDto> {
    return this.schedules.update(id, body);
  }

  /** The campaigns it launched stay. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param() { id }: ScheduleIdParams): Promise<void> {
    await this.schedules.remove(id);
  }

  /** Each subject of the schedule's year with its result: launched, existed, failed (with why, in the request's language) or pending. */
  @Get(':id/runs')
  @ApiOkResponse({ type: ScheduledLaunchListDto })
  runs(@Param() { id }: ScheduleIdParams, @Req() request: Request): Promise<ScheduledLaunchListDto> {
    return this.schedules.runs(id, resolveLanguage(request));
  }

  /** Runs the schedule now, whatever its date: a worker launches each subject not yet launched; the others answer `existed`. */
  @Post(':id/run-now')
  @Idempotent()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RunNowResultDto })
  runNow(@Param() { id }: ScheduleIdParams): Promise<RunNowResultDto> {
    return this.schedules.runNow(id);
  }
}
