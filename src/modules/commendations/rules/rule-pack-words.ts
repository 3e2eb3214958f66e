import { Text } from '../../../common/i18n/language';
import { formatFraction } from '../../voting/rules/fraction';
import { DISCIPLINE_TEXT, ELECTORATE_TEXT, MINIMUM_TEXT, SCOPE_TEXT } from './eligibility';
import { Cap, CapRounding, Exclusion, INITIATIVE_SCOPES, NominationVoteRule, Prerequisite, RulePack, ShareComparison, titleOf, TitleDefinition } from './rule-pack';
import { DatedPack } from './rule-pack-order';

/**
 * A rule pack in words, for the administrators' pages: each rule as a sentence in both languages, with the
 * instrument it comes from. The phrases are the eligibility reasons' (SCOPE_TEXT, MINIMUM_TEXT, ELECTORATE_TEXT,
 * DISCIPLINE_TEXT and the vote-share arithmetic), stated of "the year under review" rather than of one year, so
 * that a rule reads as the reasons it gives.
 */

/** One rule as a sentence; `anyOf` rules list their alternatives, each a sentence of its own. */
export interface RuleSentence {
  text: Text;
  source: string;
  alternatives?: RuleSentence[];
}

const both = (vi: string, en: string): Text => ({ vi, en });
const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** A title of the pack by name; a code the pack lacks (only in an unvalidated pack) as itself. */
const nameOf = (pack: RulePack, code: string): Text => titleOf(pack, code)?.name ?? both(code, code);
const shortNameOf = (pack: RulePack, code: string): Text => titleOf(pack, code)?.shortName ?? both(code, code);

/** "từ 4/5 số phiếu đồng ý của … (đồng ý × 5 >= tổng số × 4)", as the eligibility reasons print a vote share. */
function voteShare(rule: { electorate: NominationVoteRule['electorate']; threshold: NominationVoteRule['threshold']; comparison: ShareComparison }): Text {
  const { numerator, denominator } = rule.threshold;
  const electorate = ELECTORATE_TEXT[rule.electorate];
  const strict = rule.comparison === '>';
  return both(
    `${strict ? 'trên' : 'từ'} ${formatFraction(rule.threshold)} số phiếu đồng ý của ${electorate.vi} (đồng ý × ${denominator} ${rule.comparison} tổng số × ${numerator})`,
    `${strict ? 'more than' : 'at least'} ${formatFraction(rule.threshold)} of ${electorate.en} agreeing (agree × ${denominator} ${rule.comparison} total × ${numerator})`,
  );
}

/** A prerequisite as the rule it states: "Có danh hiệu Lao động tiên tiến trong năm xét". */
export function prerequisiteSentence(pack: RulePack, prerequisite: Prerequisite): RuleSentence {
  const source = prerequisite.source;
  switch (prerequisite.kind) {
    case 'same-year-title': {
      const name = nameOf(pack, prerequisite.title);
      return { source, text: both(`Có danh hiệu ${name.vi} trong năm xét`, `Holds the ${name.en} title in the year under review`) };
    }
    case 'consecutive-years': {
      const name = nameOf(pack, prerequisite.title);
      const interval = prerequisite.intervalYears ?? 1;
      const apart = interval > 1 ? both(`, các lần cách nhau ${interval} năm`, `, ${interval} years apart`) : both('', '');
      return {
        source,
        text: both(
          `Đạt danh hiệu ${name.vi} ${prerequisite.years} lần liên tục${apart.vi}, lần cuối trong năm xét`,
          `Holds the ${name.en} title ${prerequisite.years} times in a row${apart.en}, the last in the year under review`,
        ),
      };
    }
    case 'initiative': {
      const scope = SCOPE_TEXT[prerequisite.minimumScope];
      const top = INITIATIVE_SCOPES.indexOf(prerequisite.minimumScope) === INITIATIVE_SCOPES.length - 1;
      const period =
        prerequisite.withinYears === 1
          ? both('trong năm xét', 'in the year under review')
          : both(`trong ${prerequisite.withinYears} năm tính đến năm xét`, `within the ${prerequisite.withinYears} years up to the year under review`);
      return {
        source,
        text: both(`Có sáng kiến được công nhận phạm vi ${scope.vi}${top ? '' : ' trở lên'} ${period.vi}`, `An initiative recognised at ${scope.en} level${top ? '' : ' or above'} ${period.en}`),
      };
    }
    case 'excellent-results': {
      const minimum = MINIMUM_TEXT[prerequisite.minimum ?? 'excellent'];
      return { source, text: both(`${capitalise(minimum.vi)} trong năm xét`, `${capitalise(minimum.en)} in the year under review`) };
    }
    case 'vote-share': {
      const share = voteShare(prerequisite);
      return { source, text: both(`Được ${share.vi}`, `Needs ${share.en}`) };
    }
    case 'members-holding': {
      const name = nameOf(pack, prerequisite.title);
      return {
        source,
        text: both(`Từ ${prerequisite.percent}% cá nhân trở lên có danh hiệu ${name.vi} trong năm xét`, `At least ${prerequisite.percent}% of the members hold the ${name.en} title in the year under review`),
      };
    }
    case 'at-least-members-holding': {
      const name = nameOf(pack, prerequisite.title);
      const members = prerequisite.count === 1 ? 'member holds' : 'members hold';
      return {
        source,
        text: both(`Có ít nhất ${prerequisite.count} cá nhân có danh hiệu ${name.vi} trong năm xét`, `At least ${prerequisite.count} ${members} the ${name.en} title in the year under review`),
      };
    }
    case 'all-members-completed':
      return { source, text: both('100% cá nhân hoàn thành nhiệm vụ trong năm xét', 'All members completed their tasks in the year under review') };
    case 'any-of':
      return {
        source,
        text: both('Đáp ứng một trong các điều kiện sau', 'One of the following'),
        alternatives: prerequisite.anyOf.map((alternative) => prerequisiteSentence(pack, alternative)),
      };
  }
}

const ROUNDING_TEXT: Record<CapRounding, Text> = {
  floor: both('làm tròn xuống', 'rounded down'),
  'half-up': both('làm tròn đến số nguyên gần nhất (0,5 làm tròn lên)', 'rounded to the nearest whole number (0.5 up)'),
  ceil: both('làm tròn lên', 'rounded up'),
};

/** "Tối đa 15% số người có LĐTT của đơn vị, làm tròn xuống", as caps.ts states a cap's arithmetic. */
export function capSentence(pack: RulePack, cap: Cap): RuleSentence {
  const collective = titleOf(pack, cap.title)?.subject === 'unit';
  let base: Text;
  if (cap.base === 'headcount') base = both('biên chế của đơn vị', "the unit's headcount");
  else {
    const baseTitle = shortNameOf(pack, cap.base.title);
    base = collective ? both(`số tập thể có ${baseTitle.vi}`, `the ${baseTitle.en} holders`) : both(`số người có ${baseTitle.vi} của đơn vị`, `the unit's ${baseTitle.en} holders`);
  }
  const rounding = ROUNDING_TEXT[cap.rounding];
  return { source: cap.source, text: both(`Tối đa ${cap.percent}% ${base.vi}, ${rounding.vi}`, `At most ${cap.percent}% of ${base.en}, ${rounding.en}`) };
}

/** An exclusion as whom it bars: "Người mới tuyển dụng dưới 6 tháng tính đến ngày 31/12 của năm xét". */
export function exclusionSentence(exclusion: Exclusion): RuleSentence {
  const source = exclusion.source;
  switch (exclusion.kind) {
    case 'recruited-under-months':
      return {
        source,
        text: both(`Người mới tuyển dụng dưới ${exclusion.months} tháng tính đến ngày 31/12 của năm xét`, `People recruited less than ${exclusion.months} months before 31 December of the year under review`),
      };
    case 'absent-months': {
      const range =
        exclusion.underMonths === undefined
          ? both(`từ ${exclusion.fromMonths} tháng trở lên`, `${exclusion.fromMonths} months or more`)
          : both(`từ ${exclusion.fromMonths} tháng đến dưới ${exclusion.underMonths} tháng`, `from ${exclusion.fromMonths} to under ${exclusion.underMonths} months`);
      return { source, text: both(`Người nghỉ việc ${range.vi} trong năm xét`, `People absent ${range.en} in the year under review`) };
    }
    case 'disciplined-at-or-above': {
      const level = DISCIPLINE_TEXT[exclusion.level];
      return {
        source,
        text: both(`Người bị kỷ luật từ mức ${level.vi} trở lên, tính vào năm vi phạm`, `People disciplined at ${level.en} or above, counted against the year of the violation`),
      };
    }
  }
}

/** "Bỏ phiếu kín; được đề nghị khi được từ 4/5 số phiếu đồng ý của …". */
export function nominationVoteSentence(rule: NominationVoteRule): RuleSentence {
  const share = voteShare(rule);
  const ballot = rule.secret ? both('Bỏ phiếu kín', 'Secret ballot') : both('Biểu quyết công khai', 'Open vote');
  return { source: rule.source, text: both(`${ballot.vi}; được đề nghị khi được ${share.vi}`, `${ballot.en}; nominated with ${share.en}`) };
}

/** The public consultation (công khai lấy ý kiến) a title's proposals go through, or undefined. */
export function consultationSentence(title: TitleDefinition): RuleSentence | undefined {
  const consultation = title.publicConsultation;
  if (!consultation) return undefined;
  return {
    source: consultation.source,
    text: both(
      `Công khai lấy ý kiến ${consultation.workingDays} ngày làm việc trước khi Hội đồng biểu quyết`,
      `Made public for objections for ${consultation.workingDays} working days before the council votes`,
    ),
  };
}

/** The evaluation years a pack governs: from its effective year to the year before the next pack's; `to` null: onwards. */
export interface GovernedYears {
  from: number;
  to: number | null;
}

/**
 * The years each pack of `packs` (in effective order, as the packs in force) governs, as packForYear chooses: a pack
 * governs from its year until the next pack's year; one followed by another of the same year governs none (null).
 */
export function governedYears(packs: readonly DatedPack[]): Array<GovernedYears | null> {
  const yearOf = (pack: DatedPack) => Number(pack.effectiveFrom.slice(0, 4));
  return packs.map((pack, i) => {
    const next = packs[i + 1];
    if (!next) return { from: yearOf(pack), to: null };
    return yearOf(next) > yearOf(pack) ? { from: yearOf(pack), to: yearOf(next) - 1 } : null;
  });
}

/** "2018–2023", "từ 2024 trở đi" / "2024 onwards", "2020" for one year; none: "không năm nào" / "none". */
export function governedYearsText(years: GovernedYears | null): Text {
  if (!years) return both('không năm nào (bộ sau áp dụng từ cùng năm)', 'none (the next pack takes effect the same year)');
  if (years.to === null) return both(`từ ${years.from} trở đi`, `${years.from} onwards`);
  if (years.to === years.from) return both(`${years.from}`, `${years.from}`);
  return both(`${years.from}–${years.to}`, `${years.from}–${years.to}`);
}
