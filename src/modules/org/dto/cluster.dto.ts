import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Cluster } from '../entities/cluster.entity';
import { MAX_LENGTH } from '../org-formats';
import { ArchivableQueryDto, IsOptionalNotNull } from './dto-helpers';
import { UnitRefDto } from './unit.dto';

const MIN_YEAR = 1945;
const MAX_YEAR = 2200;
const MAX_MEMBERS = 1000;

export class ClusterListQueryDto extends ArchivableQueryDto {
  @ApiPropertyOptional({ example: 2020 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR)
  year?: number;
}

export class CreateClusterDto {
  @ApiProperty({ example: 'Cụm thi đua số 6' })
  @IsString() @MinLength(1) @MaxLength(MAX_LENGTH.name)
  name!: string;

  @ApiProperty({ example: 2020 })
  @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR)
  year!: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray() @ArrayUnique() @ArrayMaxSize(MAX_MEMBERS) @IsUUID('all', { each: true })
  memberUnitIds!: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Cụm trưởng; must be a member' })
  @IsOptional() @IsUUID()
  headUnitId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Cụm phó; must be a member' })
  @IsOptional() @IsUUID()
  deputyUnitId?: string | null;
}

export class UpdateClusterDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull() @IsString() @MinLength(1) @MaxLength(MAX_LENGTH.name)
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull() @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the member list' })
  @IsOptionalNotNull() @IsArray() @ArrayUnique() @ArrayMaxSize(MAX_MEMBERS) @IsUUID('all', { each: true })
  memberUnitIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional() @IsUUID()
  headUnitId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional() @IsUUID()
  deputyUnitId?: string | null;
}

export class ClusterDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [UnitRefDto], description: 'Ordered by code' }) members!: UnitRefDto[];
  @ApiProperty({ type: UnitRefDto, nullable: true }) headUnit!: UnitRefDto | null;
  @ApiProperty({ type: UnitRefDto, nullable: true }) deputyUnit!: UnitRefDto | null;
  @ApiProperty({ nullable: true, type: Date }) archivedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  /** Needs `members`, `headUnit` and `deputyUnit` populated. */
  static from(cluster: Cluster): ClusterDto {
    return {
      id: cluster.id,
      name: cluster.name,
      year: cluster.year,
      members: cluster.members
        .getItems()
        .map(UnitRefDto.from)
        .sort((a, b) => a.code.localeCompare(b.code)),
      headUnit: cluster.headUnit ? UnitRefDto.from(cluster.headUnit) : null,
      deputyUnit: cluster.deputyUnit ? UnitRefDto.from(cluster.deputyUnit) : null,
      archivedAt: cluster.archivedAt,
      createdAt: cluster.createdAt,
      updatedAt: cluster.updatedAt,
    };
  }
}

export class ClusterPageDto {
  @ApiProperty({ type: [ClusterDto] }) items!: ClusterDto[];
  @ApiProperty() total!: number;
}
