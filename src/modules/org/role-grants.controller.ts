import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdParams } from './dto/dto-helpers';
import { CreateRoleGrantDto, RoleGrantDto, RoleGrantListQueryDto, RoleGrantPageDto } from './dto/role-grant.dto';
import { RoleGrantsService } from './role-grants.service';

@ApiTags('org')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/role-grants')
export class RoleGrantsController {
  constructor(private readonly grants: RoleGrantsService) {}

  /** Active grants, optionally of one person; revoked ones only with `includeRevoked=true`. */
  @Get()
  @ApiOkResponse({ type: RoleGrantPageDto })
  list(@Query() query: RoleGrantListQueryDto): Promise<RoleGrantPageDto> {
    return this.grants.list(query);
  }

  /** Grants a role (admin, council member, secretary) to a person; the caller is recorded as who granted it. */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: RoleGrantDto })
  create(@Body() body: CreateRoleGrantDto, @CurrentPrincipal() principal: Principal | undefined): Promise<RoleGrantDto> {
    return this.grants.create(body, principal?.personId);
  }

  /** Ends the grant (kept on record). The last active administrator grant cannot be revoked. */
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: RoleGrantDto })
  revoke(@Param() { id }: IdParams): Promise<RoleGrantDto> {
    return this.grants.revoke(id);
  }
}
