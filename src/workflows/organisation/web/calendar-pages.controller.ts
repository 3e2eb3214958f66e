import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { todayInVietnam } from '../../../modules/auth/principal.service';
import { CalendarService } from '../../../modules/calendar/calendar.service';
import { Clock } from '../../../modules/calendar/clock';
import { AmendCalendarDayDto, CALENDAR_YEARS, CalendarDayParams, isCalendarDay } from '../../../modules/calendar/dto/calendar.dto';
import { publicHolidays } from '../../../modules/calendar/vietnam-holidays';
import { html } from '../../../modules/web/html';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { formatDay } from '../../../modules/web/views/home.view';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { CALENDAR_PAGE_STYLE, CALENDAR_PATH, CalendarFormValues, calendarView } from './calendar-pages.view';
import { calendart } from './calendar-web-texts';
import { ORGANISATION_PAGE_STYLE } from './organisation-tabs.view';
import { checkedForm, formText, refusalOf } from './unit-pages.controller';

const STYLES = html`${ORGANISATION_PAGE_STYLE}${CALENDAR_PAGE_STYLE}`;

/** A year the calendar answers for, or undefined. */
function calendarYear(value: unknown): number | undefined {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max ? year : undefined;
}

/**
 * The working calendar page for administrators: the year month by month with its holidays, the Tết break, make-up
 * days and amendments, and the forms that amend a day or remove an amendment, through CalendarService as the API does.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/org/calendar')
export class CalendarPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async year(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const query = request.query;
    const year = calendarYear(query.year) ?? this.thisYear();
    const date = isCalendarDay(query.date) ? formatDay(query.date, language) : undefined;
    const flash = date && query.flash === 'amended' ? calendart(language, 'amended', { date }) : date && query.flash === 'removed' ? calendart(language, 'removed', { date }) : undefined;
    await this.render(request, response, viewer, { year, values: {}, flash });
  }

  /** Sets a day's amendment, replacing any earlier one; then shows that day's month. */
  @Post('days')
  async amend(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, CALENDAR_PATH);
    if (!viewer) return;
    const values: CalendarFormValues = { date: formText(form, 'date'), kind: formText(form, 'kind'), note: formText(form, 'note') };
    try {
      const labels = this.labels(viewer);
      const { date } = checkedForm(CalendarDayParams, { date: values.date }, labels);
      const body = checkedForm(AmendCalendarDayDto, { kind: values.kind, note: values.note || null }, labels);
      await this.calendar.amend(date, body.kind, body.note);
      redirectSeeOther(response, `${CALENDAR_PATH}?year=${date.slice(0, 4)}&flash=amended&date=${date}#month-${Number(date.slice(5, 7))}`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      const year = calendarYear(values.date?.slice(0, 4)) ?? this.thisYear();
      await this.render(request, response, viewer, { year, values, failure: refusal.message, status: refusal.status });
    }
  }

  /** Removes a day's amendment: the day is again what the law and the weekday make it. */
  @Post('days/:date/remove')
  async remove(@Param('date') date: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, CALENDAR_PATH);
    if (!viewer) return;
    try {
      const day = checkedForm(CalendarDayParams, { date }, this.labels(viewer)).date;
      await this.calendar.removeAmendment(day);
      redirectSeeOther(response, `${CALENDAR_PATH}?year=${day.slice(0, 4)}&flash=removed&date=${day}#month-${Number(day.slice(5, 7))}`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.render(request, response, viewer, { year: calendarYear(date.slice(0, 4)) ?? this.thisYear(), values: {}, failure: refusal.message, status: refusal.status });
    }
  }

  private thisYear(): number {
    return Number(todayInVietnam(this.clock.now()).slice(0, 4));
  }

  private labels({ language }: PageViewer): Record<string, string> {
    return { date: calendart(language, 'date'), kind: calendart(language, 'kind'), note: calendart(language, 'note') };
  }

  private async render(
    request: Request,
    response: Response,
    viewer: PageViewer,
    model: { year: number; values: CalendarFormValues; flash?: string; failure?: string; status?: number },
  ): Promise<void> {
    const { language } = viewer;
    const { amendments } = await this.calendar.year(model.year);
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: model.status ? CALENDAR_PATH : undefined,
      title: calendart(language, 'title', { year: model.year }),
      content: calendarView({
        language,
        year: model.year,
        today: todayInVietnam(this.clock.now()),
        holidays: publicHolidays(model.year),
        amendments,
        values: model.values,
        flash: model.flash,
        failure: model.failure,
      }),
      styles: STYLES,
    });
  }
}
