import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { loadBuiltinRulePacks, packForYear } from '../rules/builtin-rule-packs';
import { RulePack, TitleDefinition, titleOf } from '../rules/rule-pack';

/** The built-in rule packs, read and validated once at start-up (a broken pack stops the start). */
@Injectable()
export class RulePacksService {
  readonly packs: readonly RulePack[] = loadBuiltinRulePacks();

  /** The pack governing an evaluation year; 422 RULE_PACK_NONE before the first pack took effect. */
  forYear(year: number): RulePack {
    const pack = this.inForce(year);
    if (!pack) throw new AppError('RULE_PACK_NONE', { year, from: this.packs[0]?.effectiveFrom.slice(0, 4) ?? '—' });
    return pack;
  }

  /** The pack governing an evaluation year, or null before the first pack took effect. */
  inForce(year: number): RulePack | null {
    const first = this.packs[0];
    return first && Number(first.effectiveFrom.slice(0, 4)) <= year ? packForYear(this.packs, year) : null;
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
    if (!title) throw new AppError('TITLE_UNKNOWN', { title: code, year, titles: pack.titles.map((t) => t.code).join(', ') });
    return { pack, title };
  }
}
