import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdParams } from './dto/dto-helpers';
import { CreatePersonDto, PersonDto, PersonListQueryDto, PersonPageDto, UpdatePersonDto } from './dto/person.dto';
import { PeopleService } from './people.service';

@ApiTags('org')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** People ordered by username; archived ones only with `includeArchived=true`. */
  @Get()
  @ApiOkResponse({ type: PersonPageDto })
  list(@Query() query: PersonListQueryDto): Promise<PersonPageDto> {
    return this.people.list(query);
  }

  /** Creates a person (an account that can sign in once given a password). */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: PersonDto })
  create(@Body() body: CreatePersonDto): Promise<PersonDto> {
    return this.people.create(body);
  }

  /** One person with their mandates and roles. */
  @Get(':id')
  @ApiOkResponse({ type: PersonDto })
  get(@Param() { id }: IdParams): Promise<PersonDto> {
    return this.people.get(id);
  }

  /** Edits the person; `password` resets the password. */
  @Patch(':id')
  @ApiOkResponse({ type: PersonDto })
  update(@Param() { id }: IdParams, @Body() body: UpdatePersonDto): Promise<PersonDto> {
    return this.people.update(id, body);
  }

  /** People are never deleted; an archived person cannot sign in. The last administrator cannot be archived. */
  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonDto })
  archive(@Param() { id }: IdParams): Promise<PersonDto> {
    return this.people.archive(id);
  }

  /** Restores an archived person. */
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonDto })
  restore(@Param() { id }: IdParams): Promise<PersonDto> {
    return this.people.restore(id);
  }
}
