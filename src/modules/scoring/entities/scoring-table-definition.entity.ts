import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/** A scoring table (bảng chấm điểm) by key; its content lives in immutable ScoringTableVersions. */
@Entity()
export class ScoringTableDefinition extends BaseEntity<'builtIn' | 'sourceHash'> {
  /** Stable key, e.g. `procuracy-cluster-2020` for `scoring/procuracy-cluster-2020.table.json`. */
  @Property({ type: 'string', length: 150 })
  @Unique()
  key!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  /** Loaded from scoring/<key>.table.json. */
  @Property({ type: 'boolean' })
  builtIn: boolean = false;

  /** Content hash of the built-in file last applied, so a re-sync of an unchanged file publishes nothing. */
  @Property({ type: 'string', length: 64, nullable: true })
  sourceHash: string | null = null;
}
