import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import type { RulePackVersion } from '../entities/rule-pack-version.entity';
import { RulePackLibraryService } from '../records/rule-pack-library.service';
import { loadBuiltinRulePacks } from '../rules/builtin-rule-packs';
import type { RulePack } from '../rules/rule-pack';
import { withBuiltinFallback } from '../rules/rule-pack-order';
import { GovernedYears, governedYears } from '../rules/rule-pack-words';

/** A published version as the pages show it: its publisher by name (null: the built-in sync). */
export interface RulePackVersionSummary {
  number: number;
  effectiveFrom: string;
  publishedAt: Date;
  publishedBy: string | null;
  contentHash: string;
}

/** A pack of the list: its latest document, and which evaluation years it governs among the packs in force. */
export interface RulePackEntry {
  key: string;
  builtIn: boolean;
  /** The latest version; null for a built-in pack served from its file because the database does not hold it yet. */
  latest: RulePackVersionSummary | null;
  document: RulePack;
  years: GovernedYears | null;
}

/** One pack's page: the version shown (the latest unless asked), every version newest first, the packs beside it. */
export interface RulePackDetail {
  entry: RulePackEntry;
  shown: { summary: RulePackVersionSummary | null; document: RulePack };
  versions: RulePackVersionSummary[];
}

const summaryOf = (version: RulePackVersion): RulePackVersionSummary => ({
  number: version.number,
  effectiveFrom: version.effectiveFrom,
  publishedAt: version.publishedAt,
  publishedBy: version.publishedBy?.fullName ?? null,
  contentHash: version.contentHash,
});

/**
 * What the rule pack pages read, through RulePackLibraryService: the packs in force as RulePacksService serves them
 * (the latest version of every stored pack, and each built-in file the database does not hold yet), in effective order.
 */
@Injectable()
export class RulePackPages {
  constructor(private readonly library: RulePackLibraryService) {}

  /** The packs in force, oldest first, each with the years it governs. */
  async entries(): Promise<RulePackEntry[]> {
    type InForce = Omit<RulePackEntry, 'years'> & { effectiveFrom: string };
    const stored = (await this.library.list()).flatMap(({ definition, latest }): InForce[] =>
      latest ? [{ key: definition.key, effectiveFrom: latest.effectiveFrom, builtIn: definition.builtIn, latest: summaryOf(latest), document: latest.document }] : [],
    );
    const files = loadBuiltinRulePacks().map((document): InForce => ({ key: document.key, effectiveFrom: document.effectiveFrom, builtIn: true, latest: null, document }));
    const inForce = withBuiltinFallback(stored, files);
    const years = governedYears(inForce);
    return inForce.map(({ key, builtIn, latest, document }, i) => ({ key, builtIn, latest, document, years: years[i] }));
  }

  /** The pack `key` with version `number` (the latest when absent); 404 RULE_PACK_NOT_FOUND, RULE_PACK_VERSION_NOT_FOUND. */
  async detail(key: string, number?: number): Promise<RulePackDetail> {
    const entry = (await this.entries()).find((candidate) => candidate.key === key);
    if (!entry) throw new AppError('RULE_PACK_NOT_FOUND', { key });
    if (!entry.latest) return { entry, shown: { summary: null, document: entry.document }, versions: [] };
    const versions = await this.library.versionsOf(key);
    const shown = number === undefined ? versions[0] : versions.find((version) => version.number === number);
    if (!shown) throw new AppError('RULE_PACK_VERSION_NOT_FOUND', { id: `${key} #${number}` });
    return { entry, shown: { summary: summaryOf(shown), document: shown.document }, versions: versions.map(summaryOf) };
  }
}
