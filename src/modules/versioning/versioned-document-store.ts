import { EntityClass, EntityManager, FilterQuery, RequiredEntityData, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '../../common/errors/app-error';
import type { ErrorCode } from '../../common/errors/error-catalog';
import { contentHash } from '../../common/hashing/canonical-json';
import { Clock } from '../calendar/clock';
import { Person } from '../org/entities/person.entity';

/** What the store needs of a definition row (a form, a workflow). */
export interface StoredDefinition {
  id: string;
  key: string;
}

/** What the store needs of a version row: numbered per definition, unique per content hash. */
export interface StoredVersion<D extends StoredDefinition> {
  id: string;
  definition: D;
  number: number;
  contentHash: string;
  publishedBy: Person | null;
  publishedAt: Date;
}

export interface VersionedDocumentStoreOptions<D extends StoredDefinition, V extends StoredVersion<D>> {
  definition: EntityClass<D>;
  version: EntityClass<V>;
  /** The version's property holding the frozen content (`schema` of a form, `document` of a workflow). */
  contentProperty: Exclude<keyof V, keyof StoredVersion<D>> & string;
  codes: { definitionNotFound: ErrorCode; versionNotFound: ErrorCode; contentPublished: ErrorCode; publishConflict: ErrorCode };
  /** Columns of a new version taken from its content (a rule pack's `effectiveFrom`, to order by without the document). */
  columnsOf?: (content: unknown) => Partial<Omit<V, keyof StoredVersion<D>>>;
}

/**
 * The part forms and workflows share: definitions frozen into numbered, immutable versions. Version numbers rely
 * on the unique (definition, number) constraint, not on a lock, and (definition, contentHash) keeps an earlier
 * content from coming back under a new number.
 */
export class VersionedDocumentStore<D extends StoredDefinition, V extends StoredVersion<D>> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly options: VersionedDocumentStoreOptions<D, V>,
  ) {}

  async find(id: string): Promise<D> {
    const definition = await this.em.findOne(this.options.definition, { id } as FilterQuery<D>);
    // `key` too: some catalogs word a missing definition by its key, and an id is all there is here.
    if (!definition) throw new AppError(this.options.codes.definitionNotFound, { id, key: id });
    return definition;
  }

  async findVersion(id: string): Promise<V> {
    const version = await this.em.findOne(this.options.version, { id } as FilterQuery<V>, { populate: ['definition', 'publishedBy'] as never });
    if (!version) throw new AppError(this.options.codes.versionNotFound, { id });
    return version;
  }

  latestOf(definitionId: string): Promise<V | null> {
    return this.em.findOne(this.options.version, { definition: definitionId } as FilterQuery<V>, { orderBy: { number: 'desc' } as never });
  }

  /** The newest version of the definition with this key, with its definition, or null when none was published. */
  latestByKey(key: string): Promise<V | null> {
    return this.em.findOne(this.options.version, { definition: { key } } as FilterQuery<V>, { populate: ['definition'] as never, orderBy: { number: 'desc' } as never });
  }

  /** Newest first, with definition and publisher. */
  versionsOf(definition: D): Promise<V[]> {
    return this.em.find(this.options.version, { definition } as FilterQuery<V>, { populate: ['definition', 'publishedBy'] as never, orderBy: { number: 'desc' } as never });
  }

  /** The number of each definition's latest version. */
  async latestNumbers(definitionIds: string[]): Promise<Map<string, number>> {
    if (!definitionIds.length) return new Map();
    const versions = await this.em.find(this.options.version, { definition: { $in: definitionIds } } as unknown as FilterQuery<V>, { fields: ['number', 'definition'] as never });
    const latest = new Map<string, number>();
    for (const v of versions) latest.set(v.definition.id, Math.max(latest.get(v.definition.id) ?? 0, v.number));
    return latest;
  }

  /**
   * Freezes `content` as the next version of the definition; when it is exactly the latest version nothing is
   * created and that version is returned. Two publishers racing for the same number: the loser retries once.
   */
  async publish(definition: D, content: unknown, publisherId: string | null): Promise<{ version: V; created: boolean }> {
    const hash = contentHash(content);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.publishOnce(definition.id, content, hash, publisherId);
      } catch (cause) {
        if (!(cause instanceof UniqueConstraintViolationException)) throw cause;
        if (attempt === 2) throw new AppError(this.options.codes.publishConflict, { key: definition.key });
      }
    }
  }

  private publishOnce(definitionId: string, content: unknown, hash: string, publisherId: string | null): Promise<{ version: V; created: boolean }> {
    const { version: Version, definition: Definition } = this.options;
    return this.em.transactional(async (em) => {
      // The hash is looked up first: under read committed, a racing publisher's version may appear between two reads.
      const same = await em.findOne(Version, { definition: definitionId, contentHash: hash } as FilterQuery<V>, { populate: ['definition', 'publishedBy'] as never });
      if (same) {
        const newer = await em.count(Version, { definition: definitionId, number: { $gt: same.number } } as FilterQuery<V>);
        if (newer) throw new AppError(this.options.codes.contentPublished, { number: same.number }, { versionId: same.id, number: same.number });
        return { version: same, created: false };
      }
      const latest = await em.findOne(Version, { definition: definitionId } as FilterQuery<V>, { orderBy: { number: 'desc' } as never });
      const version = em.create(Version, {
        definition: await em.findOneOrFail(Definition, { id: definitionId } as FilterQuery<D>),
        number: (latest?.number ?? 0) + 1,
        ...this.options.columnsOf?.(content),
        [this.options.contentProperty]: content,
        contentHash: hash,
        publishedBy: publisherId ? await em.findOneOrFail(Person, publisherId) : null,
        publishedAt: this.clock.now(),
      } as unknown as RequiredEntityData<V>);
      await em.flush();
      return { version, created: true };
    });
  }
}
