import { EntityManager } from '@mikro-orm/core';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { loadBuiltinRulePacks, packForYear } from '../rules/builtin-rule-packs';
import { RulePack, TitleDefinition, titleOf } from '../rules/rule-pack';
import { withBuiltinFallback } from '../rules/rule-pack-order';
import { latestRulePackVersions } from './latest-rule-packs';

/** How old this process's packs may get before a read starts reloading them: another process may have published one. */
export const RULE_PACKS_MAX_AGE_MS = 60_000;

/**
 * The rule packs in force, for synchronous use by eligibility, proposals, the council and the pages: the latest
 * published version of every pack (RulePackLibraryService), oldest `effectiveFrom` first. Read at start-up, right
 * after a publication in this process, and, for publications in other processes, again when a read finds them older
 * than a minute (served as they are while the reload runs). A built-in pack the database does not hold yet (set up
 * before packs were published) is served from its file, validated when this service is built; so is every pack
 * after a failed first read.
 */
@Injectable()
export class RulePacksService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RulePacksService.name);
  private readonly builtIn: readonly RulePack[] = loadBuiltinRulePacks();
  private current: readonly RulePack[] = this.builtIn;
  /** performance.now() of the last read; real time, not the app's Clock, which tests and simulations move. */
  private loadedAt = -Infinity;
  private reloading: Promise<void> | null = null;

  /** Without an entity manager (the demo loader, outside Nest) it serves the built-in files only. */
  constructor(@Optional() private readonly em?: EntityManager) {}

  /** The packs in force, oldest first. */
  get packs(): readonly RulePack[] {
    this.reloadIfOlderThan(RULE_PACKS_MAX_AGE_MS);
    return this.current;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  /** A reload still running must not query a database the ORM is about to close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.reloading;
  }

  /**
   * Reads the packs in force again; resolves once they are served. A read already running may have started before
   * the caller's publication was committed, so this one starts after it.
   */
  reload(): Promise<void> {
    const em = this.em;
    if (!em) return Promise.resolve();
    const next = (this.reloading ?? Promise.resolve()).then(() => this.load(em.fork()));
    this.reloading = next;
    void next.finally(() => {
      if (this.reloading === next) this.reloading = null;
    });
    return next;
  }

  /** Starts a reload (without waiting for it) when the packs were read more than `maxAgeMs` ago and none is running. */
  reloadIfOlderThan(maxAgeMs: number): void {
    if (this.em && !this.reloading && performance.now() - this.loadedAt >= maxAgeMs) void this.reload();
  }

  /** The pack governing an evaluation year; 422 RULE_PACK_NONE before the first pack took effect. */
  forYear(year: number): RulePack {
    const pack = this.inForce(year);
    if (!pack) throw new AppError('RULE_PACK_NONE', { year, from: this.packs[0]?.effectiveFrom.slice(0, 4) ?? '—' });
    return pack;
  }

  /** The pack governing an evaluation year, or null before the first pack took effect. */
  inForce(year: number): RulePack | null {
    const packs = this.packs;
    const first = packs[0];
    return first && Number(first.effectiveFrom.slice(0, 4)) <= year ? packForYear(packs, year) : null;
  }

  /** The title of the pack in force for the year, or undefined (no pack yet, or a code it does not know). */
  titleInForce(year: number, code: string): TitleDefinition | undefined {
    const pack = this.inForce(year);
    return pack ? titleOf(pack, code) : undefined;
  }

  /** The title of the year's pack; 422 TITLE_UNKNOWN naming the titles it has. */
  title(year: number, code: string): { pack: RulePack; title: TitleDefinition } {
    const pack = this.forYear(year);
    const title = titleOf(pack, code);
    if (!title) {
      // The codes are what a client sends; the names say which title each is.
      const titles = (language: 'vi' | 'en') => pack.titles.map((t) => `${t.code} (${t.name[language]})`).join(', ');
      throw new AppError('TITLE_UNKNOWN', { title: code, year, titles: { vi: titles('vi'), en: titles('en') } });
    }
    return { pack, title };
  }

  /** Never throws: a failed read keeps the packs served until the next attempt, a minute later. */
  private async load(em: EntityManager): Promise<void> {
    try {
      const versions = await latestRulePackVersions(em);
      this.current = withBuiltinFallback(
        versions.map((version) => version.document),
        this.builtIn,
      );
    } catch (error) {
      this.logger.warn(`Rule packs could not be read, the previous ones stay in force: ${(error as Error).message}`);
    } finally {
      this.loadedAt = performance.now();
    }
  }
}
