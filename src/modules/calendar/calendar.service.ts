import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { CalendarAmendment } from './calendar-amendment.entity';
import { WorkingCalendar } from './working-calendar';

/** The working calendar with the administrators' amendments, read from the database when needed. */
@Injectable()
export class CalendarService {
  constructor(private readonly em: EntityManager) {}

  /** Pass the caller's transaction: on SQLite a second connection would wait for it to end. */
  async workingCalendar(em: EntityManager = this.em.fork()): Promise<WorkingCalendar> {
    const amendments = await em.find(CalendarAmendment, {}, { orderBy: { date: 'asc' } });
    return new WorkingCalendar(amendments.map((a) => ({ date: a.date, kind: a.kind })));
  }
}
