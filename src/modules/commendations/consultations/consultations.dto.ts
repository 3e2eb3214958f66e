import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Consultation, ConsultationObjection } from '../entities/consultation.entity';

/** Working days of a consultation when none is given. */
export const DEFAULT_CONSULTATION_DAYS = 10;

export class OpenConsultationDto {
  @ApiPropertyOptional({ example: '2020-11-02', description: 'The first day (YYYY-MM-DD); by default today, in Vietnam. An earlier day records a consultation already held' })
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  opensOn?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, default: DEFAULT_CONSULTATION_DAYS, description: 'How many working days it lasts, the first day included' })
  @IsOptional() @IsInt() @Min(1) @Max(60)
  workingDays?: number;
}

export class ObjectionDto {
  @ApiProperty({ maxLength: 5000, example: 'Đề nghị làm rõ thành tích năm 2019.' }) @IsString() @MaxLength(5000)
  text!: string;
}

export class ObjectionViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() author!: string;
  @ApiProperty() text!: string;
  @ApiProperty() at!: Date;
}

export class ConsultationViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'What is proposed: the candidate, the title, the year and the proposing unit' })
  proposal!: { id: string; candidate: string; title: string; titleName: { vi: string; en: string }; year: number; unit: string };
  @ApiProperty({ example: '2020-11-02' }) opensOn!: string;
  @ApiProperty({ example: '2020-11-13' }) closesOn!: string;
  @ApiProperty() workingDays!: number;
  @ApiProperty({ description: 'Whether objections are taken today' }) open!: boolean;
  @ApiProperty({ type: [ObjectionViewDto] }) objections!: ObjectionViewDto[];

  /** With its proposal (person and unit) and the objections' authors populated; the title's name from the year's pack. */
  static from(consultation: Consultation, objections: ConsultationObjection[], today: string, titleName: { vi: string; en: string }): ConsultationViewDto {
    const proposal = consultation.proposal;
    return {
      id: consultation.id,
      proposal: { id: proposal.id, candidate: proposal.person?.fullName ?? proposal.unit.name, title: proposal.titleCode, titleName, year: proposal.year, unit: proposal.unit.name },
      opensOn: consultation.opensOn,
      closesOn: consultation.closesOn,
      workingDays: consultation.workingDays,
      open: consultation.opensOn <= today && today <= consultation.closesOn,
      objections: objections.map((objection) => ({ id: objection.id, author: objection.author.fullName, text: objection.text, at: objection.createdAt })),
    };
  }
}
