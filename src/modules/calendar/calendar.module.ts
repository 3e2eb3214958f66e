import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, Module } from '@nestjs/common';
import { CalendarAmendment } from './calendar-amendment.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { Clock } from './clock';

/** Time and working days for everything else: the clock and the Vietnamese working calendar. */
@Global()
@Module({
  imports: [MikroOrmModule.forFeature([CalendarAmendment])],
  controllers: [CalendarController],
  providers: [Clock, CalendarService],
  exports: [Clock, CalendarService],
})
export class CalendarModule {}
