import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'admin' })
  @IsString() @MinLength(1) @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'thidua2020' })
  @IsString() @MinLength(1) @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'Refresh token; pages send it as a cookie instead' })
  @IsOptional() @IsString() @MaxLength(200)
  refreshToken?: string;
}

export class SessionTokensDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn!: number;
  @ApiProperty({ description: 'Refresh token lifetime in seconds' }) refreshExpiresIn!: number;
}

export class MandateSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['head', 'deputy', 'officer'] }) role!: string;
  @ApiProperty() validFrom!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) validTo!: string | null;
}

export class MeDto {
  @ApiProperty() personId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [MandateSummaryDto] }) mandates!: MandateSummaryDto[];
}

export class ActingForDto {
  @ApiProperty() personId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() mandateId!: string;
  @ApiProperty() mandateRole!: string;
}
