import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * A command button of the inbox as the browser posts it (application/x-www-form-urlencoded).
 * The command is not checked against a list here: the stage type decides, and the page shows its refusal.
 */
export class TaskCommandFormDto {
  @IsString() @MaxLength(64)
  command!: string;

  /** The reason of a return; an empty one is refused by the stage with its own message. */
  @IsOptional() @IsString() @MaxLength(5000)
  comment?: string;
}
