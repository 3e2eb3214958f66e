import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The sign-in form as the browser posts it (application/x-www-form-urlencoded).
 * Empty fields are let through on purpose: they fail as wrong credentials and re-show the form.
 */
export class SignInFormDto {
  @IsString() @MaxLength(100)
  username!: string;

  @IsString() @MaxLength(200)
  password!: string;

  /** Where to go after signing in; checked by safeNextPath, so any string is accepted here. */
  @IsOptional() @IsString() @MaxLength(2000)
  next?: string;
}
