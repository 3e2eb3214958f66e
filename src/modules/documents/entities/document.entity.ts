import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/**
 * A document (văn bản) such as a pact (giao ước thi đua): a title and numbered, immutable versions.
 * Cluster and campaign are plain ids: modules do not depend on the workflow engine's entities.
 */
@Entity()
@Index({ properties: ['clusterId'] })
@Index({ properties: ['campaignId'] })
export class Document extends BaseEntity<'clusterId' | 'campaignId'> {
  /** What lists show; the title of version 1 unless given. Each version's content has its own title. */
  @Property({ type: 'string', length: 500 })
  title!: string;

  @Property({ type: 'uuid', nullable: true })
  clusterId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  campaignId: string | null = null;
}
