import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Unit } from '../entities/unit.entity';
import { MAX_LENGTH, UNIT_CODE_PATTERN } from '../org-formats';
import { ArchivableQueryDto, IsOptionalNotNull } from './dto-helpers';

const CODE_MESSAGE = 'code must be 2 to 64 uppercase letters, digits or hyphens';

export class UnitListQueryDto extends ArchivableQueryDto {
  @ApiPropertyOptional({ description: 'Part of the code or name' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional() @IsUUID()
  parentId?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'VKS-THA' })
  @IsString() @Matches(UNIT_CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' })
  @IsString() @MinLength(1) @MaxLength(MAX_LENGTH.name)
  name!: string;

  @ApiPropertyOptional({ example: 'VKSND Thanh Hóa', nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.shortName)
  shortName?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional() @IsUUID()
  parentId?: string | null;
}

export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'VKS-THA' })
  @IsOptionalNotNull() @IsString() @Matches(UNIT_CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull() @IsString() @MinLength(1) @MaxLength(MAX_LENGTH.name)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.shortName)
  shortName?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null makes it a top-level unit' })
  @IsOptional() @IsUUID()
  parentId?: string | null;
}

/** A unit as the API shows it; `parentCode` needs the parent populated. */
export class UnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) shortName!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty({ nullable: true, type: Date }) archivedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(unit: Unit): UnitDto {
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      parentId: unit.parent?.id ?? null,
      parentCode: unit.parent?.code ?? null,
      archivedAt: unit.archivedAt,
      createdAt: unit.createdAt,
      updatedAt: unit.updatedAt,
    };
  }
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items!: UnitDto[];
  @ApiProperty() total!: number;
}

/** The short form used inside clusters, mandates and grants. */
export class UnitRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) shortName!: string | null;

  static from(unit: Unit): UnitRefDto {
    return { id: unit.id, code: unit.code, name: unit.name, shortName: unit.shortName };
  }
}
