import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, registerDecorator } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { CalendarAmendment } from '../calendar-amendment.entity';
import { Holiday } from '../vietnam-holidays';

/** The years the calendar API answers for; the lunar computation is sound far beyond them. */
export const CALENDAR_YEARS = { min: 2000, max: 2100 } as const;
export const AMENDMENT_KINDS = ['day-off', 'working-day'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/** True for a real calendar day written YYYY-MM-DD within CALENDAR_YEARS (rejects 2020-02-30). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

function IsCalendarDay(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: isCalendarDay,
        defaultMessage: () => `${String(propertyName)} must be a real day written YYYY-MM-DD, from ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}`,
      },
    });
}

export class CalendarYearParams {
  @ApiProperty({ example: 2020, minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max })
  @Type(() => Number) @IsInt() @Min(CALENDAR_YEARS.min) @Max(CALENDAR_YEARS.max)
  year!: number;
}

export class CalendarDayParams {
  @ApiProperty({ example: '2020-05-09', description: 'YYYY-MM-DD' })
  @IsCalendarDay()
  date!: string;
}

export class AmendCalendarDayDto {
  @ApiProperty({ enum: AMENDMENT_KINDS, description: '`working-day` e.g. for a compensating Saturday; `day-off` for an extra holiday' })
  @IsIn(AMENDMENT_KINDS)
  kind!: AmendmentKind;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, example: 'Làm bù cho ngày 30/4' })
  @IsOptional() @IsString() @MaxLength(500)
  note?: string | null;
}

export class WorkingDaysQueryDto {
  @ApiProperty({ example: '2020-04-29', description: 'Start day (YYYY-MM-DD); it is not counted itself' })
  @IsCalendarDay()
  from!: string;

  @ApiProperty({ example: 5, minimum: 0, maximum: 366, description: 'How many working days to add; 0 returns `from`' })
  @Type(() => Number) @IsInt() @Min(0) @Max(366)
  add!: number;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

export class TextDto {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class CalendarAmendmentDto {
  @ApiProperty({ example: '2020-05-09' }) date!: string;
  @ApiProperty({ enum: AMENDMENT_KINDS }) kind!: AmendmentKind;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() updatedAt!: Date;

  static from(amendment: CalendarAmendment): CalendarAmendmentDto {
    return { date: amendment.date, kind: amendment.kind, note: amendment.note, updatedAt: amendment.updatedAt };
  }
}

/** A day off other than a weekend: a public holiday, its compensation day, or an administrator's extra day off. */
export class DayOffDto {
  @ApiProperty({ example: '2020-01-25' }) date!: string;

  @ApiProperty({ enum: ['holiday', 'compensation', 'amendment'], description: '`compensation`: a holiday fell on a weekend; `amendment`: added by an administrator' })
  kind!: Holiday['kind'] | 'amendment';

  @ApiProperty({ type: TextDto, nullable: true, description: 'The holiday, in Vietnamese and English; null for an amendment' })
  name!: TextDto | null;

  @ApiProperty({ nullable: true, type: String, description: 'The administrator’s note, when the day is also amended' })
  note!: string | null;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2020 }) year!: number;

  @ApiProperty({ type: [DayOffDto], description: 'Weekdays and weekend days off by law or amendment, by date; ordinary Saturdays and Sundays are not listed' })
  daysOff!: DayOffDto[];

  @ApiProperty({ type: [CalendarAmendmentDto], description: 'Every amendment of the year, by date' })
  amendments!: CalendarAmendmentDto[];
}

export class WorkingDayDto {
  @ApiProperty({ example: '2020-04-29' }) from!: string;
  @ApiProperty({ example: 1 }) add!: number;
  @ApiProperty({ example: '2020-05-04', description: 'The add-th working day after `from`' }) date!: string;
}
