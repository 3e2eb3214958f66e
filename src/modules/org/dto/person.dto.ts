import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Person } from '../entities/person.entity';
import { MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../org-formats';
import { ArchivableQueryDto, IsOptionalNotNull } from './dto-helpers';

const USERNAME_MESSAGE = 'username must be 2 to 100 lowercase letters, digits, dots, underscores or hyphens';

export class PersonListQueryDto extends ArchivableQueryDto {
  @ApiPropertyOptional({ description: 'Part of the username, full name or email' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}

export class CreatePersonDto {
  @ApiProperty({ example: 'thanhhoa.canbo2' })
  @IsString() @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @IsString() @MinLength(1) @MaxLength(MAX_LENGTH.fullName)
  fullName!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @IsEmail() @MaxLength(MAX_LENGTH.email)
  email?: string | null;

  @ApiPropertyOptional({ example: 'Cán bộ thi đua', nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.position)
  position?: string | null;

  @ApiPropertyOptional({ description: 'Without one the person cannot sign in', minLength: PASSWORD_MIN_LENGTH })
  @IsOptional() @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull() @IsString() @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull() @IsString() @MinLength(1) @MaxLength(MAX_LENGTH.fullName)
  fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @IsEmail() @MaxLength(MAX_LENGTH.email)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.position)
  position?: string | null;

  @ApiPropertyOptional({ description: 'Sets a new password (administrator reset)', minLength: PASSWORD_MIN_LENGTH })
  @IsOptionalNotNull() @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

/** A person as the API shows it: never the password hash. */
export class PersonDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: Date }) archivedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(person: Person): PersonDto {
    return {
      id: person.id,
      username: person.username,
      fullName: person.fullName,
      email: person.email,
      position: person.position,
      archivedAt: person.archivedAt,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    };
  }
}

export class PersonPageDto {
  @ApiProperty({ type: [PersonDto] }) items!: PersonDto[];
  @ApiProperty() total!: number;
}

/** The short form used inside mandates and grants. */
export class PersonRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;

  static from(person: Person): PersonRefDto {
    return { id: person.id, username: person.username, fullName: person.fullName };
  }
}
