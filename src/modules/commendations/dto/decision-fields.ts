import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AppError } from '../../../common/errors/app-error';
import { parseIsoDate, toIsoDate } from '../rules/iso-date';

/**
 * A decision's number and signing day as sent. Both are checked by the services (see `checkedNumberAndDay`), so that
 * each problem answers 422 with its own code and the field's path.
 */
export class DecisionSignedDto {
  @ApiPropertyOptional({ example: '123/QĐ-VKSTC', maxLength: 60, description: 'Required' })
  @IsOptional() @IsString() @MaxLength(60)
  number?: string;

  @ApiPropertyOptional({ example: '2020-12-25', description: 'Required: the day it was signed, YYYY-MM-DD' })
  @IsOptional() @IsString() @MaxLength(40)
  signedOn?: string;
}

/**
 * The decision's number (trimmed) and its signing day (`YYYY-MM-DD`, a real day).
 * @throws AppError DECISION_NUMBER_REQUIRED, DECISION_DATE_INVALID.
 */
export function checkedNumberAndDay(body: DecisionSignedDto): { number: string; signedOn: string } {
  const number = body.number?.trim() ?? '';
  if (!number) throw new AppError('DECISION_NUMBER_REQUIRED', {}, { path: 'number' });
  const signed = parseIsoDate(body.signedOn?.trim() ?? '');
  if (!signed) throw new AppError('DECISION_DATE_INVALID', { value: body.signedOn ?? '' }, { path: 'signedOn' });
  return { number, signedOn: toIsoDate(signed) };
}
