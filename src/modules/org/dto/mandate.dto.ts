import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { Mandate, MANDATE_ROLES, MandateRole } from '../entities/mandate.entity';
import { IsCalendarDate, PageQueryDto } from './dto-helpers';
import { PersonRefDto } from './person.dto';
import { UnitRefDto } from './unit.dto';

export class MandateListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: '2020-06-30', description: 'Only mandates valid on this day (YYYY-MM-DD)' })
  @IsOptional() @IsCalendarDate()
  validOn?: string;
}

export class CreateMandateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: MANDATE_ROLES })
  @IsIn(MANDATE_ROLES)
  role!: MandateRole;

  @ApiProperty({ example: '2020-01-01' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2020-12-31', nullable: true, type: String, description: 'Last valid day; none means open-ended' })
  @IsOptional() @IsCalendarDate()
  validTo?: string | null;
}

export class UpdateMandateDto {
  @ApiProperty({ example: '2020-12-31', nullable: true, type: String, description: 'Last valid day; null reopens it' })
  @ValidateIf((_object, value) => value !== null) @IsCalendarDate()
  validTo!: string | null;
}

export class EndMandateDto {
  @ApiProperty({ example: '2020-12-31', description: 'Last valid day' })
  @IsCalendarDate()
  validTo!: string;
}

export class MandateDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: PersonRefDto }) person!: PersonRefDto;
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ enum: MANDATE_ROLES }) role!: MandateRole;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  /** Needs `person` and `unit` populated. */
  static from(mandate: Mandate): MandateDto {
    return {
      id: mandate.id,
      person: PersonRefDto.from(mandate.person),
      unit: UnitRefDto.from(mandate.unit),
      role: mandate.role,
      validFrom: mandate.validFrom,
      validTo: mandate.validTo,
      createdAt: mandate.createdAt,
      updatedAt: mandate.updatedAt,
    };
  }
}

export class MandatePageDto {
  @ApiProperty({ type: [MandateDto] }) items!: MandateDto[];
  @ApiProperty() total!: number;
}
