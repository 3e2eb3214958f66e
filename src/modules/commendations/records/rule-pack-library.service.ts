import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { dayText } from '../../../common/i18n/date-text';
import { Language } from '../../../common/i18n/language';
import { Clock } from '../../calendar/clock';
import { VersionedDocumentStore } from '../../versioning/versioned-document-store';
import { RulePackDefinition } from '../entities/rule-pack-definition.entity';
import { RulePackVersion } from '../entities/rule-pack-version.entity';
import { loadBuiltinRulePacks } from '../rules/builtin-rule-packs';
import { RulePack } from '../rules/rule-pack';
import { sameDayPack, withBuiltinFallback } from '../rules/rule-pack-order';
import { RulePackProblem, validateRulePack } from '../rules/validate-rule-pack';
import { latestRulePackVersions } from './latest-rule-packs';
import { RulePacksService } from './rule-packs.service';

export interface PublishRulePackOptions {
  /** Loaded from `commendations/<key>.pack.json` (the built-in sync). */
  builtIn?: boolean;
  /** The language of the problems in a refusal. */
  language?: Language;
}

/**
 * Rule packs (bộ quy định thi đua, khen thưởng) as published data: by key, frozen into numbered immutable versions by
 * the shared versioned-document store, the latest version of each in force from its `effectiveFrom`. A publication
 * here is served by RulePacksService at once; other processes see it within a minute.
 */
@Injectable()
export class RulePackLibraryService {
  constructor(
    private readonly em: EntityManager,
    // The app-wide clock when the calendar module is loaded; the CLI has none and uses real time.
    @Optional() private readonly clock: Clock = new Clock(),
    // The packs this process serves; absent in the CLI, which serves none.
    @Optional() private readonly inForce?: RulePacksService,
  ) {}

  /** Every pack by key with its latest version (null before its first), those in force first, oldest first. */
  async list(): Promise<Array<{ definition: RulePackDefinition; latest: RulePackVersion | null }>> {
    const em = this.em.fork();
    const definitions = await em.find(RulePackDefinition, {}, { orderBy: { key: 'asc' } });
    const latest = await latestRulePackVersions(em);
    const published = new Set(latest.map((version) => version.definition.id));
    return [...latest.map((version) => ({ definition: version.definition, latest: version })), ...definitions.filter((d) => !published.has(d.id)).map((definition) => ({ definition, latest: null }))];
  }

  /** The definition of a key, or null. */
  definitionOf(key: string): Promise<RulePackDefinition | null> {
    return this.em.fork().findOne(RulePackDefinition, { key });
  }

  /** The newest version of the pack with this key, with its definition, or null. */
  latestByKey(key: string): Promise<RulePackVersion | null> {
    return this.storeIn(this.em.fork()).latestByKey(key);
  }

  /** Newest first, with publisher; 404 RULE_PACK_NOT_FOUND for an unknown key. */
  async versionsOf(key: string): Promise<RulePackVersion[]> {
    const em = this.em.fork();
    const definition = await em.findOne(RulePackDefinition, { key });
    if (!definition) throw new AppError('RULE_PACK_NOT_FOUND', { key });
    return this.storeIn(em).versionsOf(definition);
  }

  /**
   * Publishes a document as the next version of the pack `key` (created on first use); the latest version again when
   * the content is the same (created: false). 422 RULE_PACK_INVALID with every problem ({ path, code, message in
   * `language` }) in `details`, a `key` unlike the document's among them, or only the problem BUILT_IN for the key of
   * a built-in pack (its file is its source: only the built-in sync publishes it); 422 RULE_PACK_EFFECTIVE_DATE_TAKEN
   * when another pack takes effect on the same day; 409 RULE_PACK_CONTENT_PUBLISHED for the content of an earlier version.
   */
  async publish(key: string, document: unknown, publisherId: string | null, options: PublishRulePackOptions = {}): Promise<{ version: RulePackVersion; created: boolean }> {
    const language = options.language ?? 'vi';
    // Checked here rather than by each caller, so that the API and the pages refuse it alike.
    if (!options.builtIn && (await this.definitionOf(key))?.builtIn) {
      const message = { vi: `"${key}" là bộ quy định có sẵn, nạp từ tệp của nó; hãy công bố thay đổi dưới một khóa mới`, en: `"${key}" is a built-in pack, loaded from its file; publish changes under a new key` };
      throw invalid([{ path: 'key', code: 'BUILT_IN', message }], language);
    }
    const problems = validateRulePack(document);
    const pack = document as RulePack;
    if (!problems.length && pack.key !== key) {
      problems.push({ path: 'key', code: 'KEY_MISMATCH', message: { vi: `khóa "${pack.key}" khác với khóa công bố "${key}"`, en: `key "${pack.key}" differs from the key published under, "${key}"` } });
    }
    if (problems.length) throw invalid(problems, language);

    const em = this.em.fork();
    const clash = sameDayPack(pack, await this.packsInForce(em));
    if (clash) throw new AppError('RULE_PACK_EFFECTIVE_DATE_TAKEN', { pack: pack.name, date: dayText(pack.effectiveFrom), other: clash.name, otherKey: clash.key });

    const name = pack.name.vi.slice(0, 255);
    const definition = await this.ensureDefinition(em, key, name, options.builtIn ?? false);
    const result = await this.storeIn(em).publish(definition, pack, publisherId);
    // The definition is named after its latest version (not after a refused one).
    if (result.created && definition.name !== name) {
      definition.name = name;
      await em.flush();
    }
    await this.inForce?.reload();
    // Read again: the store wrote it in a transaction of its own.
    const version = await em.findOneOrFail(RulePackVersion, result.version.id, { populate: ['definition', 'publishedBy'] });
    return { version, created: result.created };
  }

  /** Records which built-in file content the pack holds now. */
  async markBuiltInSource(key: string, fileHash: string): Promise<void> {
    const em = this.em.fork();
    const definition = await em.findOne(RulePackDefinition, { key });
    if (!definition) throw new AppError('RULE_PACK_NOT_FOUND', { key });
    definition.sourceHash = fileHash;
    definition.builtIn = true;
    await em.flush();
  }

  /** As RulePacksService serves them (the stored packs, and the built-in files never stored). */
  private async packsInForce(em: EntityManager): Promise<RulePack[]> {
    return withBuiltinFallback(
      (await latestRulePackVersions(em)).map((version) => version.document),
      loadBuiltinRulePacks(),
    );
  }

  private storeIn(em: EntityManager): VersionedDocumentStore<RulePackDefinition, RulePackVersion> {
    return new VersionedDocumentStore(em, this.clock, {
      definition: RulePackDefinition,
      version: RulePackVersion,
      contentProperty: 'document',
      columnsOf: (content) => ({ effectiveFrom: (content as RulePack).effectiveFrom }),
      codes: {
        definitionNotFound: 'RULE_PACK_NOT_FOUND',
        versionNotFound: 'RULE_PACK_VERSION_NOT_FOUND',
        contentPublished: 'RULE_PACK_CONTENT_PUBLISHED',
        publishConflict: 'RULE_PACK_PUBLISH_CONFLICT',
      },
    });
  }

  private async ensureDefinition(em: EntityManager, key: string, name: string, builtIn: boolean): Promise<RulePackDefinition> {
    const existing = await em.findOne(RulePackDefinition, { key });
    if (existing) return existing;
    const created = em.create(RulePackDefinition, { key, name, builtIn });
    try {
      await em.flush();
      return created;
    } catch (cause) {
      // Two first publications of one key: the unique key decides, the loser uses the winner's row.
      if (!(cause instanceof UniqueConstraintViolationException)) throw cause;
      em.clear();
      return em.findOneOrFail(RulePackDefinition, { key });
    }
  }
}

/** 422 RULE_PACK_INVALID with every problem, its message in the reader's language. */
function invalid(problems: RulePackProblem[], language: Language): AppError {
  return new AppError('RULE_PACK_INVALID', { count: problems.length }, problems.map((problem) => ({ path: problem.path, code: problem.code, message: problem.message[language] })));
}
