import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ClustersService } from './clusters.service';
import { ClusterDto, ClusterListQueryDto, ClusterPageDto, CreateClusterDto, UpdateClusterDto } from './dto/cluster.dto';
import { IdParams } from './dto/dto-helpers';

@ApiTags('org')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  /** Clusters, newest year first; `year` narrows to one year. */
  @Get()
  @ApiOkResponse({ type: ClusterPageDto })
  list(@Query() query: ClusterListQueryDto): Promise<ClusterPageDto> {
    return this.clusters.list(query);
  }

  /**
   * Head and deputy must be two different members (CLUSTER_LEADER_NOT_MEMBER, CLUSTER_LEADER_SAME_UNIT),
   * not recorded as unevaluated the year before (CLUSTER_LEADER_NOT_EVALUATED); (name, year) is unique.
   */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: ClusterDto })
  create(@Body() body: CreateClusterDto): Promise<ClusterDto> {
    return this.clusters.create(body);
  }

  /** One cluster with its year, members, head and deputy. */
  @Get(':id')
  @ApiOkResponse({ type: ClusterDto })
  get(@Param() { id }: IdParams): Promise<ClusterDto> {
    return this.clusters.get(id);
  }

  /** Same fields and rules as creation; `memberUnitIds` replaces the whole member list. */
  @Patch(':id')
  @ApiOkResponse({ type: ClusterDto })
  update(@Param() { id }: IdParams, @Body() body: UpdateClusterDto): Promise<ClusterDto> {
    return this.clusters.update(id, body);
  }

  /** Archives a cluster: kept for history, offered for no new campaign. */
  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ClusterDto })
  archive(@Param() { id }: IdParams): Promise<ClusterDto> {
    return this.clusters.archive(id);
  }

  /** Restores an archived cluster. */
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: ClusterDto })
  restore(@Param() { id }: IdParams): Promise<ClusterDto> {
    return this.clusters.restore(id);
  }
}
