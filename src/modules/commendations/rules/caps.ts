import { Language, Text } from '../../../common/i18n/language';
import { multiplyExactly } from '../../voting/rules/fraction';
import { Cap, RulePack, titleOf } from './rule-pack';

/**
 * Caps on how many awards of a title a unit may propose (CSTĐCS ≤ 15% of LĐTT holders). Integers only:
 * `percent × base` is a whole number of hundredths, rounded to whole awards by integer division, so 15% of 20
 * is exactly 3 and never 2.9999….
 */

/** `percent × base / 100` as hundredths (15% × 13 = 195, i.e. 1.95), exactly. */
const hundredthsOf = (cap: Pick<Cap, 'percent'>, baseCount: number): number => multiplyExactly(cap.percent, baseCount);

/** Integer division of a non-negative integer by 100, rounded down. */
const floorHundredths = (hundredths: number): number => (hundredths - (hundredths % 100)) / 100;

/**
 * The most awards a cap allows for `baseCount` holders (or staff): `percent × baseCount / 100` rounded as the cap
 * says — `floor` (15% × 13 = 1.95 → 1), `half-up` (→ 2; 0.5 goes up), `ceil` (→ 2).
 */
export function capLimit(cap: Pick<Cap, 'percent' | 'rounding'>, baseCount: number): number {
  if (!Number.isSafeInteger(baseCount) || baseCount < 0) throw new Error(`A cap's base must be a whole number of people or units, got ${baseCount}`);
  const hundredths = hundredthsOf(cap, baseCount);
  switch (cap.rounding) {
    case 'floor':
      return floorHundredths(hundredths);
    case 'half-up':
      return floorHundredths(hundredths + 50);
    case 'ceil':
      return floorHundredths(hundredths + 99);
  }
}

/** 195 → "1,95" (vi) or "1.95" (en); 300 → "3"; 90 → "0,9". */
function formatHundredths(hundredths: number, language: Language): string {
  const whole = floorHundredths(hundredths);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole}${language === 'vi' ? ',' : '.'}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** One proposal (đề nghị) of a unit, in the unit's order of priority. */
export interface CapProposal {
  candidateId: string;
  title: string;
}

/** The bases of one unit for the year: its headcount (biên chế) and how many hold each title. */
export interface CapBases {
  headcount?: number;
  holders?: Record<string, number>;
}

/** One cap applied to one unit's proposals. */
export interface CapOutcome {
  capId: string;
  source: string;
  title: string;
  baseCount: number;
  limit: number;
  /** The first `limit` proposals of the title, in the unit's order. */
  within: CapProposal[];
  /** The proposals past the limit; empty when the unit keeps to the cap. */
  exceeding: CapProposal[];
  /** "Vượt giới hạn: tối đa 15% × 13 người có LĐTT = 1,95 → 1 CSTĐCS (đề nghị 3)". */
  text: Text;
}

function capText(pack: RulePack, cap: Cap, baseCount: number, limit: number, proposed: number): Text {
  const title = titleOf(pack, cap.title);
  const short = title?.shortName ?? { vi: cap.title, en: cap.title };
  const hundredths = hundredthsOf(cap, baseCount);
  let base: Text;
  if (cap.base === 'headcount') base = { vi: `${baseCount} người trong biên chế`, en: `${baseCount} staff (headcount)` };
  else {
    const baseTitle = titleOf(pack, cap.base.title)?.shortName ?? { vi: cap.base.title, en: cap.base.title };
    base = title?.subject === 'unit' ? { vi: `${baseCount} tập thể có ${baseTitle.vi}`, en: `${baseCount} ${baseTitle.en} holders` } : { vi: `${baseCount} người có ${baseTitle.vi}`, en: `${baseCount} ${baseTitle.en} holders` };
  }
  const over = proposed > limit;
  return {
    vi: `${over ? 'Vượt giới hạn' : 'Trong giới hạn'}: tối đa ${cap.percent}% × ${base.vi} = ${formatHundredths(hundredths, 'vi')} → ${limit} ${short.vi} (đề nghị ${proposed})`,
    en: `${over ? 'Over the cap' : 'Within the cap'}: at most ${cap.percent}% × ${base.en} = ${formatHundredths(hundredths, 'en')} → ${limit} ${short.en} (${proposed} proposed)`,
  };
}

/**
 * Applies every cap of the pack to each unit's proposals: per unit, one outcome per cap whose title the unit
 * proposes, in the pack's order, saying which proposals exceed it (those past the limit in the unit's order).
 * Throws when a unit proposes a capped title without the count its cap is measured against: a missing base is a
 * bug in the caller, and guessing 0 would refuse every proposal.
 */
export function applyCaps(pack: RulePack, proposalsByUnit: Record<string, CapProposal[]>, basesByUnit: Record<string, CapBases>): Record<string, CapOutcome[]> {
  const outcomes: Record<string, CapOutcome[]> = {};
  for (const [unit, proposals] of Object.entries(proposalsByUnit)) {
    outcomes[unit] = [];
    for (const cap of pack.caps) {
      const capped = proposals.filter((proposal) => proposal.title === cap.title);
      if (!capped.length) continue;
      const bases = basesByUnit[unit];
      const baseCount = cap.base === 'headcount' ? bases?.headcount : bases?.holders?.[cap.base.title];
      if (baseCount === undefined) {
        throw new Error(`Cap ${cap.id}: unit ${unit} proposes ${cap.title} but has no ${cap.base === 'headcount' ? 'headcount' : `count of ${cap.base.title} holders`}`);
      }
      const limit = capLimit(cap, baseCount);
      outcomes[unit].push({
        capId: cap.id,
        source: cap.source,
        title: cap.title,
        baseCount,
        limit,
        within: capped.slice(0, limit),
        exceeding: capped.slice(limit),
        text: capText(pack, cap, baseCount, limit, capped.length),
      });
    }
  }
  return outcomes;
}
