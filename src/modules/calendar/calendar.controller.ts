import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { CalendarService } from './calendar.service';
import { AmendCalendarDayDto, CalendarAmendmentDto, CalendarDayParams, CalendarYearDto, CalendarYearParams, WorkingDayDto, WorkingDaysQueryDto } from './dto/calendar.dto';

/**
 * The working calendar (lịch làm việc) that deadlines in working days are counted on: public
 * holidays computed from the Labour Code and the lunar calendar, and the administrators' amendments
 * (a compensating Saturday, an extra day off). Every signed-in person may read it; only administrators change it.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

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
  year(@Param() { year }: CalendarYearParams): Promise<CalendarYearDto> {
    return this.calendar.year(year);
  }

  /** Sets a day's amendment, replacing any earlier one for that day. */
  @Roles('admin')
  @Put('days/:date')
  @ApiOkResponse({ type: CalendarAmendmentDto })
  amend(@Param() { date }: CalendarDayParams, @Body() body: AmendCalendarDayDto): Promise<CalendarAmendmentDto> {
    return this.calendar.amend(date, body.kind, body.note);
  }

  /** Removes a day's amendment: the day is again what the law and the weekday make it. */
  @Roles('admin')
  @Delete('days/:date')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeAmendment(@Param() { date }: CalendarDayParams): Promise<void> {
    return this.calendar.removeAmendment(date);
  }
}
