import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { GRANTED_ROLES, GrantedRole, RoleGrant } from '../entities/role-grant.entity';
import { BooleanQuery, PageQueryDto } from './dto-helpers';
import { PersonRefDto } from './person.dto';
import { UnitRefDto } from './unit.dto';

export class RoleGrantListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'Include revoked grants', default: false })
  @IsOptional() @BooleanQuery() @IsBoolean()
  includeRevoked?: boolean;
}

export class CreateRoleGrantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ enum: GRANTED_ROLES })
  @IsIn(GRANTED_ROLES)
  role!: GrantedRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit the role is limited to, e.g. a council of one unit' })
  @IsOptional() @IsUUID()
  scopeUnitId?: string;
}

export class RoleGrantDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: PersonRefDto }) person!: PersonRefDto;
  @ApiProperty({ enum: GRANTED_ROLES }) role!: GrantedRole;
  @ApiProperty({ type: UnitRefDto, nullable: true }) scopeUnit!: UnitRefDto | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who granted it; null when not recorded (demo data, grants made before it was kept)' })
  grantedBy!: PersonRefDto | null;

  /** Needs `person`, `scopeUnit` and `grantedBy` populated. */
  static from(grant: RoleGrant): RoleGrantDto {
    return {
      id: grant.id,
      person: PersonRefDto.from(grant.person),
      role: grant.role,
      scopeUnit: grant.scopeUnit ? UnitRefDto.from(grant.scopeUnit) : null,
      createdAt: grant.createdAt,
      revokedAt: grant.revokedAt,
      grantedBy: grant.grantedBy ? PersonRefDto.from(grant.grantedBy) : null,
    };
  }
}

export class RoleGrantPageDto {
  @ApiProperty({ type: [RoleGrantDto] }) items!: RoleGrantDto[];
  @ApiProperty() total!: number;
}
