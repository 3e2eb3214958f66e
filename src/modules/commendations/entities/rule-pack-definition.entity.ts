import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/** A commendation rule pack (bộ quy định thi đua, khen thưởng) by key; its content lives in immutable RulePackVersions. */
@Entity()
export class RulePackDefinition extends BaseEntity<'builtIn' | 'sourceHash'> {
  /** Stable key, e.g. `rules-2024-procuracy` for `commendations/rules-2024-procuracy.pack.json`. */
  @Property({ type: 'string', length: 150 })
  @Unique()
  key!: string;

  /** The Vietnamese name of its latest version. */
  @Property({ type: 'string', length: 255 })
  name!: string;

  /** Loaded from commendations/<key>.pack.json. */
  @Property({ type: 'boolean' })
  builtIn: boolean = false;

  /** Content hash of the built-in file last applied, so a re-sync of an unchanged file publishes nothing. */
  @Property({ type: 'string', length: 64, nullable: true })
  sourceHash: string | null = null;
}
