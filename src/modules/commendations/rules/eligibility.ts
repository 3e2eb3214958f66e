import { Text } from '../../../common/i18n/language';
import { formatFraction } from '../../voting/rules/fraction';
import { addMonths, CalendarDate, dayNumber, formatDate, fromDayNumber, isoDate } from './iso-date';
import {
  DISCIPLINE_LEVELS,
  DisciplineLevel,
  Electorate,
  Exclusion,
  INITIATIVE_SCOPES,
  InitiativeScope,
  Prerequisite,
  RulePack,
  TASK_RESULTS,
  TaskResult,
  titleOf,
  TitleDefinition,
  TitleSubject,
} from './rule-pack';

/** A title on the record (sổ khen thưởng). A revoked award counts as never held. */
export interface AwardedTitle {
  title: string;
  year: number;
  /** Số quyết định, e.g. "123/QĐ-VKSTC". */
  decisionNumber: string;
  revoked: boolean;
  /**
   * Proposed and awaiting its decision (đã đề nghị, chờ quyết định): LĐTT and CSTĐCS of a year are proposed together,
   * so a title proposed for the same year counts, and the reason says it is pending.
   */
  pending?: boolean;
}

/** An initiative (sáng kiến) recognised at a scope in a year. */
export interface RecognisedInitiative {
  scope: InitiativeScope;
  year: number;
  name?: string;
}

/** Both ends inclusive, ISO dates: an absence from 2020-03-01 to 2020-05-31 lasts exactly 3 months. */
export interface DateRange {
  from: string;
  to: string;
}

/** A disciplinary measure; it counts against the year of the violation, whatever the year of the decision. */
export interface DisciplineRecord {
  level: DisciplineLevel;
  violationDate: string;
  decisionDate?: string;
}

/** What both people and units have on the record. Every list may be left out (nothing on the record). */
interface SubjectRecord {
  /** Printed in reasons that list members. */
  name?: string;
  titles?: AwardedTitle[];
  initiatives?: RecognisedInitiative[];
  /** The task result of each year, keyed by year. */
  taskResults?: Record<number, TaskResult>;
}

export interface PersonRecord extends SubjectRecord {
  /** Date of recruitment (ngày tuyển dụng), ISO. */
  startDate?: string;
  absences?: DateRange[];
  disciplines?: DisciplineRecord[];
}

export interface UnitRecord extends SubjectRecord {
  /** Ids of the people (keys of `EligibilityRecords.people`) who were members in each year. */
  membersByYear?: Record<number, string[]>;
}

/** Plain data the service loads for one evaluation; the engine reads nothing else. */
export interface EligibilityRecords {
  people: Record<string, PersonRecord>;
  units: Record<string, UnitRecord>;
}

export interface Candidate {
  subject: TitleSubject;
  /** Key in `records.people` or `records.units`. */
  id: string;
}

/** `true` met, `false` not met, `pending-vote`: a vote share that only the vote can decide (never a refusal). */
export type ReasonStatus = boolean | 'pending-vote';

export interface EligibilityReason {
  /** The rule's id in the pack (`CSTDCS.same-year-LDTT`), or `title` / `subject` for a request that does not fit the pack. */
  rule: string;
  source: string;
  met: ReasonStatus;
  /** A failing reason reads "Chưa đủ điều kiện CSTĐCS năm 2020: …" / "Not eligible for CSTĐCS in 2020: …". */
  text: Text;
}

export interface EligibilityResult {
  /** No reason is `false`; reasons that are `pending-vote` are conditions the vote must still meet. */
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** What one rule found: met or not, and the fact phrased so it reads after "Chưa đủ điều kiện X năm Y: ". */
interface Finding {
  met: ReasonStatus;
  detail: Text;
}

/** Initiative scopes as the reasons name them (inside a sentence); the rule pack pages state the rules with them too. */
export const SCOPE_TEXT: Record<InitiativeScope, Text> = {
  unit: { vi: 'cấp cơ sở', en: 'unit' },
  sector: { vi: 'cấp ngành', en: 'sector' },
  province: { vi: 'cấp tỉnh', en: 'province' },
  national: { vi: 'toàn quốc', en: 'national' },
};

const RESULT_TEXT: Record<TaskResult, Text> = {
  excellent: { vi: 'hoàn thành xuất sắc nhiệm vụ', en: 'completed tasks excellently' },
  good: { vi: 'hoàn thành tốt nhiệm vụ', en: 'completed tasks well' },
  completed: { vi: 'hoàn thành nhiệm vụ', en: 'completed tasks' },
  'not-completed': { vi: 'không hoàn thành nhiệm vụ', en: 'did not complete tasks' },
};

/** The least task result a prerequisite asks for, as the reasons name it. */
export const MINIMUM_TEXT: Record<TaskResult, Text> = {
  excellent: { vi: 'hoàn thành xuất sắc nhiệm vụ', en: 'tasks completed excellently' },
  good: { vi: 'hoàn thành tốt nhiệm vụ trở lên', en: 'tasks completed well or better' },
  completed: { vi: 'hoàn thành nhiệm vụ trở lên', en: 'tasks completed' },
  'not-completed': { vi: 'có kết quả đánh giá', en: 'a task result' },
};

/** Who votes, as the reasons name them. */
export const ELECTORATE_TEXT: Record<Electorate, Text> = {
  council: { vi: 'Hội đồng Thi đua – Khen thưởng', en: 'the Emulation-Commendation Council' },
  'cluster-members': { vi: 'các đơn vị thành viên cụm thi đua', en: "the cluster's member units" },
  'sector-council': { vi: 'Hội đồng Thi đua – Khen thưởng ngành', en: 'the Sector Emulation-Commendation Council' },
};

/** Disciplinary measures as the reasons name them (lower case, inside a sentence). */
export const DISCIPLINE_TEXT: Record<DisciplineLevel, Text> = {
  reprimand: { vi: 'khiển trách', en: 'reprimand' },
  warning: { vi: 'cảnh cáo', en: 'warning' },
  'salary-reduction': { vi: 'hạ bậc lương', en: 'salary reduction' },
  demotion: { vi: 'giáng chức', en: 'demotion' },
  'removal-from-office': { vi: 'cách chức', en: 'removal from office' },
  dismissal: { vi: 'buộc thôi việc', en: 'dismissal' },
};

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const both = (vi: string, en: string): Text => ({ vi, en });

/** Reads one subject's record and the rest of the evaluation. */
class Evaluation {
  constructor(
    readonly pack: RulePack,
    readonly records: EligibilityRecords,
    readonly record: PersonRecord & UnitRecord,
    readonly year: number,
  ) {}

  nameOf(code: string): Text {
    return titleOf(this.pack, code)?.name ?? both(code, code);
  }

  /** The award held that year, a decided one before one only proposed. */
  static held(record: SubjectRecord | undefined, title: string, year: number): AwardedTitle | undefined {
    const held = record?.titles?.filter((award) => award.title === title && award.year === year && !award.revoked) ?? [];
    return held.find((award) => !award.pending) ?? held[0];
  }

  revoked(title: string, year: number): AwardedTitle | undefined {
    return this.record.titles?.find((award) => award.title === title && award.year === year && award.revoked);
  }

  members(): string[] {
    return this.record.membersByYear?.[this.year] ?? [];
  }

  person(id: string): PersonRecord {
    return this.records.people[id] ?? {};
  }

  check(prerequisite: Prerequisite): Finding {
    const year = this.year;
    switch (prerequisite.kind) {
      case 'same-year-title': {
        const name = this.nameOf(prerequisite.title);
        const award = Evaluation.held(this.record, prerequisite.title, year);
        if (award?.pending) return { met: true, detail: both(`đã được đề nghị danh hiệu ${name.vi} năm ${year} (chờ quyết định)`, `proposed for the ${name.en} title for ${year} (awaiting the decision)`) };
        if (award) return { met: true, detail: both(`có danh hiệu ${name.vi} năm ${year} (quyết định số ${award.decisionNumber})`, `holds the ${name.en} title for ${year} (decision ${award.decisionNumber})`) };
        const revoked = this.revoked(prerequisite.title, year);
        const note = revoked ? both(` (danh hiệu theo quyết định số ${revoked.decisionNumber} đã bị thu hồi)`, ` (the award by decision ${revoked.decisionNumber} was revoked)`) : both('', '');
        return { met: false, detail: both(`chưa có danh hiệu ${name.vi} năm ${year}${note.vi}`, `no ${name.en} title in ${year}${note.en}`) };
      }
      case 'consecutive-years': {
        const name = this.nameOf(prerequisite.title);
        const interval = prerequisite.intervalYears ?? 1;
        const years = Array.from({ length: prerequisite.years }, (_, i) => year - (prerequisite.years - 1 - i) * interval);
        const listed = years.join(', ');
        const missing = years.filter((y) => !Evaluation.held(this.record, prerequisite.title, y));
        if (!missing.length) {
          return { met: true, detail: both(`đạt danh hiệu ${name.vi} ${years.length} lần liên tục (năm ${listed})`, `holds the ${name.en} title ${years.length} times in a row (${listed})`) };
        }
        const missingText = (language: 'vi' | 'en') =>
          missing
            .map((y) => {
              const revoked = this.revoked(prerequisite.title, y);
              if (!revoked) return String(y);
              return language === 'vi' ? `${y} (quyết định số ${revoked.decisionNumber} đã bị thu hồi)` : `${y} (decision ${revoked.decisionNumber} was revoked)`;
            })
            .join(', ');
        return {
          met: false,
          detail: both(
            `chưa đạt danh hiệu ${name.vi} ${years.length} lần liên tục (năm ${listed}): thiếu năm ${missingText('vi')}`,
            `not ${years.length} consecutive ${name.en} titles (${listed}): missing ${missingText('en')}`,
          ),
        };
      }
      case 'initiative': {
        const from = year - prerequisite.withinYears + 1;
        const minimum = INITIATIVE_SCOPES.indexOf(prerequisite.minimumScope);
        const period = prerequisite.withinYears === 1 ? both(`năm ${year}`, `in ${year}`) : both(`trong các năm ${from}–${year}`, `in ${from}–${year}`);
        const found = (this.record.initiatives ?? [])
          .filter((initiative) => initiative.year >= from && initiative.year <= year && INITIATIVE_SCOPES.indexOf(initiative.scope) >= minimum)
          .sort((a, b) => INITIATIVE_SCOPES.indexOf(b.scope) - INITIATIVE_SCOPES.indexOf(a.scope) || b.year - a.year)[0];
        if (found) {
          const title = found.name ? ` "${found.name}"` : '';
          return { met: true, detail: both(`có sáng kiến${title} được công nhận phạm vi ${SCOPE_TEXT[found.scope].vi} năm ${found.year}`, `initiative${title} recognised at ${SCOPE_TEXT[found.scope].en} level in ${found.year}`) };
        }
        const top = minimum === INITIATIVE_SCOPES.length - 1;
        const scope = SCOPE_TEXT[prerequisite.minimumScope];
        return {
          met: false,
          detail: both(
            `chưa có sáng kiến được công nhận phạm vi ${scope.vi}${top ? '' : ' trở lên'} ${period.vi}`,
            `no initiative recognised at ${scope.en} level${top ? '' : ' or above'} ${period.en}`,
          ),
        };
      }
      case 'excellent-results': {
        const minimum = prerequisite.minimum ?? 'excellent';
        const result = this.record.taskResults?.[year];
        if (result && TASK_RESULTS.indexOf(result) >= TASK_RESULTS.indexOf(minimum)) {
          return { met: true, detail: both(`${RESULT_TEXT[result].vi} năm ${year}`, `${RESULT_TEXT[result].en} in ${year}`) };
        }
        const actual = result ? both(`kết quả: ${RESULT_TEXT[result].vi}`, `result: ${RESULT_TEXT[result].en}`) : both('chưa có kết quả đánh giá', 'no task result on record');
        return { met: false, detail: both(`chưa ${MINIMUM_TEXT[minimum].vi} năm ${year} (${actual.vi})`, `no ${MINIMUM_TEXT[minimum].en} in ${year} (${actual.en})`) };
      }
      case 'vote-share': {
        const { numerator, denominator } = prerequisite.threshold;
        const electorate = ELECTORATE_TEXT[prerequisite.electorate];
        const strict = prerequisite.comparison === '>';
        return {
          met: 'pending-vote',
          detail: both(
            `cần ${strict ? 'trên' : 'từ'} ${formatFraction(prerequisite.threshold)} số phiếu đồng ý của ${electorate.vi} (đồng ý × ${denominator} ${prerequisite.comparison} tổng số × ${numerator})`,
            `needs ${strict ? 'more than' : 'at least'} ${formatFraction(prerequisite.threshold)} of ${electorate.en} agreeing (agree × ${denominator} ${prerequisite.comparison} total × ${numerator})`,
          ),
        };
      }
      case 'members-holding': {
        const members = this.members();
        const name = this.nameOf(prerequisite.title);
        if (!members.length) return { met: false, detail: both(`không có danh sách thành viên năm ${year}`, `no member list for ${year}`) };
        const holders = members.filter((id) => Evaluation.held(this.records.people[id], prerequisite.title, year)).length;
        // Integers only: holders / members ≥ percent / 100 ⇔ holders × 100 ≥ percent × members.
        const [left, right] = [holders * 100, prerequisite.percent * members.length];
        const met = left >= right;
        const sign = met ? '≥' : '<';
        return {
          met,
          detail: both(
            `${holders}/${members.length} cá nhân có danh hiệu ${name.vi} năm ${year}, cần từ ${prerequisite.percent}% (${holders} × 100 = ${left} ${sign} ${prerequisite.percent} × ${members.length} = ${right})`,
            `${holders} of ${members.length} members hold the ${name.en} title in ${year}, at least ${prerequisite.percent}% needed (${holders} × 100 = ${left} ${sign} ${prerequisite.percent} × ${members.length} = ${right})`,
          ),
        };
      }
      case 'at-least-members-holding': {
        const name = this.nameOf(prerequisite.title);
        const holders = this.members().filter((id) => Evaluation.held(this.records.people[id], prerequisite.title, year)).length;
        const met = holders >= prerequisite.count;
        return {
          met,
          detail: both(
            `${holders === 0 ? 'không có cá nhân nào' : `${met ? '' : 'chỉ '}${holders} cá nhân`} có danh hiệu ${name.vi} năm ${year}, cần ít nhất ${prerequisite.count}`,
            `${holders === 0 ? 'no member holds' : `${holders} member${holders === 1 ? ' holds' : 's hold'}`} the ${name.en} title in ${year}, at least ${prerequisite.count} needed`,
          ),
        };
      }
      case 'all-members-completed': {
        const members = this.members();
        if (!members.length) return { met: false, detail: both(`không có danh sách thành viên năm ${year}`, `no member list for ${year}`) };
        const short = members.filter((id) => {
          const result = this.person(id).taskResults?.[year];
          return !result || result === 'not-completed';
        });
        if (!short.length) {
          return { met: true, detail: both(`100% cá nhân (${members.length}/${members.length}) hoàn thành nhiệm vụ năm ${year}`, `all ${members.length} members completed their tasks in ${year}`) };
        }
        const names = short.map((id) => this.person(id).name ?? id).join(', ');
        return {
          met: false,
          detail: both(
            `${short.length}/${members.length} cá nhân chưa hoàn thành nhiệm vụ năm ${year} (${names})`,
            `${short.length} of ${members.length} members did not complete their tasks in ${year} (${names})`,
          ),
        };
      }
      case 'any-of': {
        const findings = prerequisite.anyOf.map((alternative) => this.check(alternative));
        const met = findings.find((finding) => finding.met === true);
        if (met) return met;
        const pending = findings.find((finding) => finding.met === 'pending-vote');
        if (pending) return pending;
        return {
          met: false,
          detail: both(`không đáp ứng phương án nào: ${findings.map((f) => f.detail.vi).join('; ')}`, `none of the alternatives is met: ${findings.map((f) => f.detail.en).join('; ')}`),
        };
      }
    }
  }

  exclusion(exclusion: Exclusion): Finding {
    const year = this.year;
    const yearStart: CalendarDate = { year, month: 1, day: 1 };
    const nextYearStart: CalendarDate = { year: year + 1, month: 1, day: 1 };
    switch (exclusion.kind) {
      case 'recruited-under-months': {
        if (!this.record.startDate) {
          return { met: false, detail: both('không có ngày tuyển dụng trong hồ sơ nên không xác định được thời gian công tác', 'no recruitment date on record, so the length of service is unknown') };
        }
        const start = isoDate(this.record.startDate, 'startDate');
        // Service is the half-open span [start, 1 January next year): 31 December counts as a day served,
        // so someone recruited on 1 July has served exactly 6 months.
        const served = dayNumber(addMonths(start, exclusion.months)) <= dayNumber(nextYearStart);
        const dates = both(formatDate(start, 'vi'), formatDate(start, 'en'));
        return served
          ? { met: true, detail: both(`đã công tác đủ ${exclusion.months} tháng tính đến ngày 31/12/${year} (tuyển dụng ngày ${dates.vi})`, `served at least ${exclusion.months} months by ${year}-12-31 (recruited on ${dates.en})`) }
          : { met: false, detail: both(`mới tuyển dụng dưới ${exclusion.months} tháng tính đến ngày 31/12/${year} (tuyển dụng ngày ${dates.vi})`, `recruited less than ${exclusion.months} months before ${year}-12-31 (recruited on ${dates.en})`) };
      }
      case 'absent-months': {
        const spans = absenceSpans(this.record.absences ?? [], dayNumber(yearStart), dayNumber(nextYearStart));
        const days = spans.reduce((sum, [from, to]) => sum + to - from, 0);
        const range = exclusion.underMonths === undefined ? both(`từ ${exclusion.fromMonths} tháng trở lên`, `${exclusion.fromMonths} months or more`) : both(`từ ${exclusion.fromMonths} tháng đến dưới ${exclusion.underMonths} tháng`, `from ${exclusion.fromMonths} to under ${exclusion.underMonths} months`);
        if (!spans.length) return { met: true, detail: both(`không nghỉ việc trong năm ${year}`, `no absence in ${year}`) };
        // Months are counted from the first day of absence: for one span this is exact calendar-month arithmetic;
        // several spans are added up in days and measured from the first one's start.
        const first = fromDayNumber(spans[0][0]);
        const reaches = (months: number) => dayNumber(addMonths(first, months)) - spans[0][0] <= days;
        const excluded = reaches(exclusion.fromMonths) && (exclusion.underMonths === undefined || !reaches(exclusion.underMonths));
        const listed = (language: 'vi' | 'en') => spans.map(([from, to]) => `${formatDate(fromDayNumber(from), language)}–${formatDate(fromDayNumber(to - 1), language)}`).join(', ');
        return excluded
          ? { met: false, detail: both(`nghỉ việc ${range.vi} trong năm ${year} (${days} ngày: ${listed('vi')})`, `absent ${range.en} in ${year} (${days} days: ${listed('en')})`) }
          : { met: true, detail: both(`nghỉ việc ${days} ngày trong năm ${year} (${listed('vi')}), không thuộc trường hợp nghỉ ${range.vi}`, `absent ${days} days in ${year} (${listed('en')}), not ${range.en}`) };
      }
      case 'disciplined-at-or-above': {
        const threshold = DISCIPLINE_LEVELS.indexOf(exclusion.level);
        const level = DISCIPLINE_TEXT[exclusion.level];
        const found = (this.record.disciplines ?? [])
          .map((discipline) => ({ discipline, violation: isoDate(discipline.violationDate, 'violationDate') }))
          .filter(({ discipline, violation }) => violation.year === year && DISCIPLINE_LEVELS.indexOf(discipline.level) >= threshold)
          .sort((a, b) => DISCIPLINE_LEVELS.indexOf(b.discipline.level) - DISCIPLINE_LEVELS.indexOf(a.discipline.level))[0];
        if (!found) return { met: true, detail: both(`không bị kỷ luật từ mức ${level.vi} trở lên do vi phạm trong năm ${year}`, `no discipline at ${level.en} or above for a violation in ${year}`) };
        const measure = DISCIPLINE_TEXT[found.discipline.level];
        return {
          met: false,
          detail: both(
            `bị kỷ luật ${measure.vi} do vi phạm ngày ${formatDate(found.violation, 'vi')} (tính vào năm vi phạm ${year})`,
            `disciplined (${measure.en}) for a violation on ${formatDate(found.violation, 'en')}, counted against ${year}`,
          ),
        };
      }
    }
  }
}

/** Absences clipped to [yearStart, nextYearStart) as merged half-open day spans, in order. */
function absenceSpans(absences: DateRange[], yearStart: number, nextYearStart: number): Array<[number, number]> {
  const spans = absences
    .map((absence): [number, number] => [Math.max(dayNumber(isoDate(absence.from, 'absence.from')), yearStart), Math.min(dayNumber(isoDate(absence.to, 'absence.to')) + 1, nextYearStart)])
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

function reason(title: TitleDefinition, year: number, rule: string, source: string, finding: Finding): EligibilityReason {
  const { met, detail } = finding;
  const text =
    met === true
      ? both(capitalise(detail.vi), capitalise(detail.en))
      : met === false
        ? both(`Chưa đủ điều kiện ${title.shortName.vi} năm ${year}: ${detail.vi}`, `Not eligible for ${title.shortName.en} in ${year}: ${detail.en}`)
        : both(`Còn chờ biểu quyết: ${detail.vi}`, `Pending the vote: ${detail.en}`);
  return { rule, source, met, text };
}

const SUBJECT_TEXT: Record<TitleSubject, Text> = { person: { vi: 'cá nhân', en: 'individuals' }, unit: { vi: 'tập thể', en: 'collectives' } };

/**
 * Whether `candidate` may be proposed for `title` in evaluation `year` under `pack`, with one reason per rule
 * (every prerequisite, then every exclusion that bars the title), each citing its source. Pure: it reads only its
 * arguments. A vote share is reported `pending-vote` and does not make the candidate ineligible.
 */
export function evaluateEligibility(pack: RulePack, records: EligibilityRecords, candidate: Candidate, title: string, year: number): EligibilityResult {
  const definition = titleOf(pack, title);
  if (!definition) {
    return {
      eligible: false,
      reasons: [{ rule: 'title', source: pack.name.vi, met: false, text: both(`Danh hiệu "${title}" không có trong ${pack.name.vi}`, `Title "${title}" is not in ${pack.name.en}`) }],
    };
  }
  if (definition.subject !== candidate.subject) {
    const subject = SUBJECT_TEXT[definition.subject];
    return {
      eligible: false,
      reasons: [reason(definition, year, 'subject', pack.name.vi, { met: false, detail: both(`danh hiệu chỉ xét tặng cho ${subject.vi}`, `the title is awarded to ${subject.en} only`) })],
    };
  }
  const record = (candidate.subject === 'person' ? records.people[candidate.id] : records.units[candidate.id]) ?? {};
  const evaluation = new Evaluation(pack, records, record, year);
  const reasons = definition.prerequisites.map((prerequisite) => reason(definition, year, prerequisite.id, prerequisite.source, evaluation.check(prerequisite)));
  if (candidate.subject === 'person') {
    for (const exclusion of pack.exclusions.filter((e) => e.titles.includes(title))) {
      reasons.push(reason(definition, year, exclusion.id, exclusion.source, evaluation.exclusion(exclusion)));
    }
  }
  return { eligible: reasons.every((r) => r.met !== false), reasons };
}
