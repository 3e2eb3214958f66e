import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { WORKFLOW_KEY_PATTERN } from '../../definitions/dto/workflow-definition.dto';

/** A new workflow (or a copy) as the list page's forms post it. */
export class NewWorkflowFormDto {
  @IsString() @Matches(WORKFLOW_KEY_PATTERN) key!: string;
  @IsString() @MinLength(1) @MaxLength(255) name!: string;
}
