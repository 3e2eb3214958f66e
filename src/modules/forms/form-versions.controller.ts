import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { FormVersionDiffDto, FormVersionDto, FormVersionIdParams, FormVersionPairParams } from './dto/form-version.dto';
import { FormsService } from './forms.service';

@ApiTags('forms')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/form-versions')
export class FormVersionsController {
  constructor(private readonly forms: FormsService) {}

  /** A published version with its frozen Form.io schema. */
  @Get(':id')
  @ApiOkResponse({ type: FormVersionDto })
  get(@Param() { id }: FormVersionIdParams): Promise<FormVersionDto> {
    return this.forms.getVersion(id);
  }

  /** Components added, removed and changed (with the changed properties) from version `a` to version `b`. */
  @Get(':a/diff/:b')
  @ApiOkResponse({ type: FormVersionDiffDto })
  diff(@Param() { a, b }: FormVersionPairParams): Promise<FormVersionDiffDto> {
    return this.forms.diffVersions(a, b);
  }
}
