import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { CalendarAmendment } from './calendar-amendment.entity';
import { WorkingCalendar } from './working-calendar';

/** The working calendar with the administrators' amendments, read from the database when needed. */
@Injectable()
export class CalendarService {
  constructor(private readonly em: EntityManager) {}

  async workingCalendar(): Promise<WorkingCalendar> {
    const amendments = await this.em.fork().find(CalendarAmendment, {}, { orderBy: { date: 'asc' } });
    return new WorkingCalendar(amendments.map((a) => ({ date: a.date, kind: a.kind })));
  }
}
