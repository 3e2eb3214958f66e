import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { CalendarAmendment } from './calendar-amendment.entity';
import { CalendarService } from './calendar.service';
import {
  AmendCalendarDayDto,
  CalendarAmendmentDto,
  CalendarDayParams,
  CalendarYearDto,
  CalendarYearParams,
  DayOffDto,
  WorkingDayDto,
  WorkingDaysQueryDto,
} from './dto/calendar.dto';
import { publicHolidays } from './vietnam-holidays';

/**
 * The working calendar (lịch làm việc) that deadlines in working days are counted on: public
 * holidays computed from the Labour Code and the lunar calendar, and the administrators' amendments
 * (a compensating Saturday, an extra day off). Every signed-in person may read it; only administrators change it.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: CalendarService,
  ) {}

  /** The `add`-th working day after `from`, with the amendments applied: what a deadline of `add` working days means. */
  @Get('working-days')
  @ApiOkResponse({ type: WorkingDayDto })
  async workingDay(@Query() { from, add }: WorkingDaysQueryDto): Promise<WorkingDayDto> {
    const calendar = await this.calendar.workingCalendar();
    return { from, add, date: calendar.addWorkingDays(from, add) };
  }

  /** Every day off of the year other than ordinary weekends, and the year's amendments. */
  @Get(':year')
  @ApiOkResponse({ type: CalendarYearDto })
  async year(@Param() { year }: CalendarYearParams): Promise<CalendarYearDto> {
    const amendments = await this.em.fork().find(
      CalendarAmendment,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc' } },
    );
    const amended = new Map(amendments.map((a) => [a.date, a]));
    const daysOff: DayOffDto[] = [];
    for (const holiday of publicHolidays(year)) {
      const amendment = amended.get(holiday.date);
      if (amendment?.kind === 'working-day') continue;
      daysOff.push({ date: holiday.date, kind: holiday.kind, name: holiday.name, note: amendment?.note ?? null });
    }
    const holidays = new Set(daysOff.map((d) => d.date));
    for (const amendment of amendments) {
      if (amendment.kind === 'day-off' && !holidays.has(amendment.date)) {
        daysOff.push({ date: amendment.date, kind: 'amendment', name: null, note: amendment.note });
      }
    }
    daysOff.sort((a, b) => a.date.localeCompare(b.date));
    return { year, daysOff, amendments: amendments.map((a) => CalendarAmendmentDto.from(a)) };
  }

  /** Sets a day's amendment, replacing any earlier one for that day. */
  @Roles('admin')
  @Put('days/:date')
  @ApiOkResponse({ type: CalendarAmendmentDto })
  async amend(@Param() { date }: CalendarDayParams, @Body() body: AmendCalendarDayDto): Promise<CalendarAmendmentDto> {
    const note = body.note?.trim() || null;
    for (let attempt = 1; ; attempt++) {
      const em = this.em.fork();
      try {
        const amendment = (await em.findOne(CalendarAmendment, { date })) ?? em.create(CalendarAmendment, { date, kind: body.kind, note });
        amendment.kind = body.kind;
        amendment.note = note;
        await em.flush();
        return CalendarAmendmentDto.from(amendment);
      } catch (error) {
        // Two administrators amending the same new day at once: the unique date picks a winner, the other updates it.
        if (attempt > 1 || !(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
  }

  /** Removes a day's amendment: the day is again what the law and the weekday make it. */
  @Roles('admin')
  @Delete('days/:date')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeAmendment(@Param() { date }: CalendarDayParams): Promise<void> {
    const deleted = await this.em.fork().nativeDelete(CalendarAmendment, { date });
    if (!deleted) throw new AppError('CALENDAR_AMENDMENT_NOT_FOUND', { date });
  }
}
