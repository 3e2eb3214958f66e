import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Commands that cannot be undone: the page asks for a ticked confirmation (and offers a comment) before sending them. */
export const IRREVERSIBLE_COMMANDS: ReadonlySet<string> = new Set(['close']);

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

  /** The ticked box an irreversible command needs (IRREVERSIBLE_COMMANDS). */
  @IsOptional() @IsIn(['yes'])
  confirm?: string;
}
