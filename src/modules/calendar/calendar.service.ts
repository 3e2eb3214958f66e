import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { dayText } from '../../common/i18n/date-text';
import { CalendarAmendment } from './calendar-amendment.entity';
import { AmendmentKind, CalendarAmendmentDto, CalendarYearDto, DayOffDto } from './dto/calendar.dto';
import { publicHolidays } from './vietnam-holidays';
import { WorkingCalendar } from './working-calendar';

/**
 * The working calendar with the administrators' amendments, read from the database when needed; the API and the
 * calendar page read and amend it through here, so both apply the same rules.
 */
@Injectable()
export class CalendarService {
  constructor(private readonly em: EntityManager) {}

  /** Pass the caller's transaction: on SQLite a second connection would wait for it to end. */
  async workingCalendar(em: EntityManager = this.em.fork()): Promise<WorkingCalendar> {
    const amendments = await em.find(CalendarAmendment, {}, { orderBy: { date: 'asc' } });
    return new WorkingCalendar(amendments.map((a) => ({ date: a.date, kind: a.kind })));
  }

  /** Every day off of the year other than ordinary weekends, and the year's amendments. */
  async year(year: number): Promise<CalendarYearDto> {
    const amendments = await this.em.fork().find(CalendarAmendment, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'asc' } });
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

  /** Sets a day's amendment, replacing any earlier one for that day; a blank note is none. */
  async amend(date: string, kind: AmendmentKind, note?: string | null): Promise<CalendarAmendmentDto> {
    const trimmed = note?.trim() || null;
    for (let attempt = 1; ; attempt++) {
      const em = this.em.fork();
      try {
        const amendment = (await em.findOne(CalendarAmendment, { date })) ?? em.create(CalendarAmendment, { date, kind, note: trimmed });
        amendment.kind = kind;
        amendment.note = trimmed;
        await em.flush();
        return CalendarAmendmentDto.from(amendment);
      } catch (error) {
        // Two administrators amending the same new day at once: the unique date picks a winner, the other updates it.
        if (attempt > 1 || !(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
  }

  /** Removes a day's amendment: the day is again what the law and the weekday make it. */
  async removeAmendment(date: string): Promise<void> {
    const deleted = await this.em.fork().nativeDelete(CalendarAmendment, { date });
    if (!deleted) throw new AppError('CALENDAR_AMENDMENT_NOT_FOUND', { date: dayText(date) });
  }
}
