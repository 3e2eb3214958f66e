import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { assertClusterLeaders } from './cluster-leader-rules';
import { ClusterDto, ClusterListQueryDto, ClusterPageDto, CreateClusterDto, UpdateClusterDto } from './dto/cluster.dto';
import { Cluster } from './entities/cluster.entity';
import { Unit } from './entities/unit.entity';
import { onUniqueViolation } from './unique-violation';

const POPULATE = ['members', 'headUnit', 'deputyUnit'] as const;

/** Emulation clusters (cụm thi đua) of one year: members, head and deputy. Archived, never deleted. */
@Injectable()
export class ClustersService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ClusterListQueryDto): Promise<ClusterPageDto> {
    const where: FilterQuery<Cluster> = {
      ...(query.includeArchived ? {} : { archivedAt: null }),
      ...(query.year !== undefined ? { year: query.year } : {}),
    };
    const [clusters, total] = await this.em.findAndCount(Cluster, where, {
      populate: POPULATE,
      // Separate queries for the members, so that limit and offset count clusters, not joined rows.
      strategy: 'select-in',
      orderBy: { year: 'desc', name: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: clusters.map(ClusterDto.from), total };
  }

  async get(id: string): Promise<ClusterDto> {
    return ClusterDto.from(await this.find(id));
  }

  async create(body: CreateClusterDto): Promise<ClusterDto> {
    const members = await this.units(body.memberUnitIds, new Set());
    const byId = new Map(members.map((unit) => [unit.id, unit]));
    const head = body.headUnitId ? (byId.get(body.headUnitId) ?? null) : null;
    const deputy = body.deputyUnitId ? (byId.get(body.deputyUnitId) ?? null) : null;
    // An id that is not among the members cannot be resolved above; report it as such.
    if ((body.headUnitId && !head) || (body.deputyUnitId && !deputy)) throw new AppError('CLUSTER_LEADER_NOT_MEMBER');
    await assertClusterLeaders(this.em, { year: body.year, memberIds: new Set(byId.keys()), head, deputy });

    const cluster = this.em.create(Cluster, { name: body.name, year: body.year, headUnit: head, deputyUnit: deputy });
    cluster.members.set(members);
    await this.flushCluster(cluster);
    return ClusterDto.from(cluster);
  }

  /** Checks the whole change before applying it, so that a refused update leaves the loaded cluster as it was stored. */
  async update(id: string, body: UpdateClusterDto): Promise<ClusterDto> {
    const cluster = await this.find(id);
    if (cluster.archivedAt) throw new AppError('CLUSTER_ARCHIVED', { name: cluster.name, year: cluster.year });
    const current = new Set(cluster.members.getItems().map((unit) => unit.id));
    const members = body.memberUnitIds ? await this.units(body.memberUnitIds, current) : cluster.members.getItems();
    const byId = new Map(members.map((unit) => [unit.id, unit]));
    const head = body.headUnitId !== undefined ? this.leader(body.headUnitId, byId) : cluster.headUnit;
    const deputy = body.deputyUnitId !== undefined ? this.leader(body.deputyUnitId, byId) : cluster.deputyUnit;
    const year = body.year ?? cluster.year;
    await assertClusterLeaders(this.em, { year, memberIds: new Set(byId.keys()), head, deputy });
    if (body.memberUnitIds) cluster.members.set(members);
    cluster.headUnit = head;
    cluster.deputyUnit = deputy;
    if (body.name !== undefined) cluster.name = body.name;
    cluster.year = year;
    await this.flushCluster(cluster);
    return ClusterDto.from(cluster);
  }

  async archive(id: string): Promise<ClusterDto> {
    const cluster = await this.find(id);
    cluster.archivedAt ??= new Date();
    await this.em.flush();
    return ClusterDto.from(cluster);
  }

  async restore(id: string): Promise<ClusterDto> {
    const cluster = await this.find(id);
    cluster.archivedAt = null;
    await this.em.flush();
    return ClusterDto.from(cluster);
  }

  private async find(id: string): Promise<Cluster> {
    const cluster = await this.em.findOne(Cluster, { id }, { populate: POPULATE });
    if (!cluster) throw new AppError('CLUSTER_NOT_FOUND', { id });
    return cluster;
  }

  /** Loads member units; every id must exist, and a unit joining the cluster must not be archived. */
  private async units(ids: string[], alreadyMembers: ReadonlySet<string>): Promise<Unit[]> {
    const units = ids.length ? await this.em.find(Unit, { id: { $in: ids } }) : [];
    const missing = ids.find((id) => !units.some((unit) => unit.id === id));
    if (missing) throw new AppError('UNIT_NOT_FOUND', { id: missing });
    const archived = units.find((unit) => unit.archivedAt && !alreadyMembers.has(unit.id));
    if (archived) throw new AppError('UNIT_ARCHIVED', { unit: archived.name, code: archived.code });
    return units;
  }

  private leader(unitId: string | null, members: Map<string, Unit>): Unit | null {
    if (unitId === null) return null;
    const unit = members.get(unitId);
    if (!unit) throw new AppError('CLUSTER_LEADER_NOT_MEMBER');
    return unit;
  }

  private flushCluster(cluster: Cluster): Promise<void> {
    return onUniqueViolation(
      () => this.em.flush(),
      () => {
        this.em.clear();
        return new AppError('CLUSTER_NAME_TAKEN', { name: cluster.name, year: cluster.year });
      },
    );
  }
}
