import { tableHundredths } from '../table/points';
import { AggregationMethod, GradeThreshold, TieBreakKey } from '../table/scoring-table';
import { TRIM_MINIMUM } from './aggregate';
import { comparisonChain } from './rank';

export type RankingDialect = 'sqlite' | 'postgresql';

/** What the one statement needs: the rank stage run, its sources, the table's groups, grades and penalty criteria. */
export interface RankingStatementInput {
  dialect: RankingDialect;
  campaignId: string;
  stageRunId: string;
  sourceRunIds: string[];
  includeSelf: boolean;
  aggregation: AggregationMethod;
  tieBreak: TieBreakKey[];
  tableVersionId: string;
  groupCodes: string[];
  grades: GradeThreshold[];
  /** Leaf codes of the table's penalty criteria, for sheets submitted before their penalties were kept. */
  penaltyCodes: string[];
  unitIds: string[];
  /** The timestamp as the platform binds it (processDateProperty). */
  now: unknown;
}

export interface Statement {
  sql: string;
  bindings: unknown[];
}

/** The few places where PostgreSQL and SQLite spell the same thing differently. */
interface Dialect {
  uuid(placeholder: string): string;
  text(placeholder: string): string;
  timestamp(placeholder: string): string;
  /** Whether a column is one of the ids of a parameter (idList). */
  memberOf(column: string, placeholder: string): string;
  idList(ids: string[]): string;
  /** An integer group total of group_totals (0 when absent); appends its bindings. */
  groupPoints(code: string, bindings: unknown[]): string;
  object: string;
  /** The aggregate listing a window's values in its order (an integer array on PostgreSQL, JSON text on SQLite). */
  listOf(value: string): string;
  /** A list of listOf as JSON, an empty one when null. */
  listJson(list: string): string;
  json(expression: string): string;
  emptyObject: string;
  boolean(condition: string): string;
  least: string;
  newId: string;
  /** Bytewise order of names, the same on both databases whatever their locale. */
  bytewise: string;
}

const POSTGRESQL: Dialect = {
  uuid: (p) => `${p}::uuid`,
  text: (p) => `${p}::text`,
  timestamp: (p) => `${p}::timestamptz`,
  // An array parameter, so that the planner knows how many units (a JSON one is guessed at 100, which chose nested
  // loops); = any() rather than unnest() also estimates every listed unit found, not half.
  memberOf: (column, p) => `${column} = any(${p}::uuid[])`,
  idList: (ids) => `{${ids.join(',')}}`,
  groupPoints: (code, bindings) => {
    bindings.push(code);
    return `coalesce((s.group_totals ->> ?::text)::int, 0)`;
  },
  // jsonb built directly: building json text and parsing it into the column cost more.
  object: 'jsonb_build_object',
  // An integer array: far cheaper to gather than JSON, and converted once per unit.
  listOf: (value) => `array_agg(${value})`,
  listJson: (list) => `coalesce(to_jsonb(${list}), '[]'::jsonb)`,
  json: (expression) => `(${expression})::jsonb`,
  emptyObject: `'{}'::jsonb`,
  boolean: (condition) => `(${condition})`,
  least: 'least',
  newId: 'gen_random_uuid()',
  bytewise: ' collate "C"',
};

const SQLITE: Dialect = {
  uuid: (p) => p,
  text: (p) => p,
  timestamp: (p) => p,
  memberOf: (column, p) => `${column} in (select value from json_each(${p}))`,
  idList: (ids) => JSON.stringify(ids),
  groupPoints: (code, bindings) => {
    // A path names the key; a code holding a double quote cannot be written in one, so it is looked up.
    if (code.includes('"')) {
      bindings.push(code);
      return `coalesce((select value from json_each(s.group_totals) where key = ?), 0)`;
    }
    bindings.push(`$."${code}"`);
    return `coalesce(s.group_totals ->> ?, 0)`;
  },
  object: 'json_object',
  listOf: (value) => `json_group_array(${value})`,
  // json(): the list comes through a subquery, which drops its JSON subtype.
  listJson: (list) => `json(coalesce(${list}, '[]'))`,
  json: (expression) => `json(${expression})`,
  emptyObject: `'{}'`,
  boolean: (condition) => `json(case when ${condition} then 'true' else 'false' end)`,
  least: 'min',
  // A version 4 UUID, as the application writes them.
  newId: `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`,
  bytewise: '',
};

/** sum / count rounded half away from zero, in integers: as meanOf. */
const halfUp = (sum: string, count: string) => `(case when (${sum}) < 0 then -1 else 1 end) * ((abs(${sum}) * 2 + (${count})) / (2 * (${count})))`;

/**
 * A counted column's aggregate over a unit's sheets with the run's method, as aggregateValue computes it, as a GROUP BY
 * aggregate: a trimmed mean only needs the sum, the minimum and the maximum, whichever sheets they are.
 */
function aggregateOf(method: AggregationMethod, column: string): string {
  const [sum, least, most, count] = [`sum(${column})`, `min(${column})`, `max(${column})`, `count(*)`];
  if (method === 'mean') return halfUp(sum, count);
  if (method === 'trimmed-mean') {
    // Dropping one lowest and one highest sheet leaves the sum less the minimum and the maximum, whichever sheets they are.
    return `case when ${count} >= ${TRIM_MINIMUM} then ${halfUp(`${sum} - ${least} - ${most}`, `${count} - 2`)} else ${halfUp(sum, count)} end`;
  }
  // The middle value, or the two middle values' mean rounded half up (p_ is the sheet's position in the column's order).
  return halfUp(`sum(case when p_${column} in ((n + 1) / 2, (n + 2) / 2) then ${column} end)`, `2 - ${count} % 2`);
}

/**
 * The ranking of a rank stage run as one statement (xếp hạng, set-based): every submitted sheet of the source runs
 * about a listed unit is aggregated per unit with the run's method (aggregateValue's arithmetic, in integer
 * hundredths), the units are ranked on the comparison chain (rankUnits' rules: competition ranks, decided by the
 * first key that differs from the row above), graded, and written with their breakdowns: the totals of the counted
 * sheets in the order the aggregation takes them (scorer name bytewise, then sheet id) and the number of recusals, from
 * which a reader lists the sheets (sheetUsesOf). A sector's 60,000 sheets never leave the database; the statement
 * returns each entry's figures (RankedEntryRow).
 */
export function rankingStatement(input: RankingStatementInput): Statement {
  const d = input.dialect === 'postgresql' ? POSTGRESQL : SQLITE;
  const bindings: unknown[] = [];
  const bind = (value: unknown, wrap: (placeholder: string) => string = (p) => p) => {
    bindings.push(value);
    return wrap('?');
  };
  const method = input.aggregation;
  const groups = input.groupCodes.map((code, index) => ({ code, column: `g${index}` }));
  const chain = comparisonChain(input.tieBreak).map((key) => {
    if (key === 'total') return { key, column: 'total' };
    if (key === 'fewer-penalties') return { key, column: 'pen' };
    // A group the table does not have counts 0, as rankUnits reads it.
    return { key, column: groups.find((group) => `group:${group.code}` === key)?.column ?? 'cast(0 as integer)' };
  });
  const columns = ['total', ...groups.map((group) => group.column), 'pen'];
  // Placeholders are bound in the order they appear in the text: each part below is built in that order.
  const scorer = `coalesce(su.short_name, su.name, sp.full_name, '')${d.bytewise}`;
  const sheetsOf = (status: string) => `from score_sheet s
      join units on units.id = s.scored_unit_id
      left join unit su on su.id = s.scorer_unit_id
      left join person sp on sp.id = s.scorer_person_id
    where ${input.sourceRunIds.length ? `s.stage_run_id in (${input.sourceRunIds.map((id) => bind(id, d.uuid)).join(', ')})` : '1 = 0'}
      and s.status = '${status}'${input.includeSelf ? '' : ` and s.kind <> 'self'`}`;

  const units = `units as (select u.id, coalesce(u.short_name, u.name) as label, u.name from unit u where ${d.memberOf('u.id', bind(d.idList(input.unitIds)))})`;
  const groupColumns = groups.map((group) => `cast(${d.groupPoints(group.code, bindings)} as integer) as ${group.column}`);
  // Sheets submitted before their penalty points were kept: summed from their scores of the table's penalty criteria.
  const legacyPenalties = input.penaltyCodes.length
    ? `-abs(coalesce((select sum(sc.points) from score sc where sc.sheet_id = s.id and sc.criterion_code in (${input.penaltyCodes.map((code) => bind(code)).join(', ')})), 0))`
    : '0';
  const sheets = `sheets as (
    select s.id, s.scored_unit_id as unit_id, ${scorer} as scorer, cast(s.total as integer) as total,
      ${[...groupColumns, `cast(coalesce(s.penalties, ${legacyPenalties}) as integer) as pen`].join(', ')}
    ${sheetsOf('submitted')} and s.total is not null)`;
  // The totals in the order the aggregation takes them (scorer name bytewise, then sheet id), listed by a window over
  // each unit's sheets: one sort of the sheets, where an ordered aggregate sorted each unit's apart. Every row of a unit
  // carries the whole list, so any one of them (max) gives it. The median also reads each column's sorted position.
  const positions = () => columns.map((column) => `, row_number() over (partition by unit_id order by ${column}) as p_${column}`).join('');
  const counted = `(select *, ${d.listOf('total')} over (partition by unit_id order by scorer, id rows between unbounded preceding and unbounded following) as list${
    method === 'median' ? `, count(*) over (partition by unit_id) as n${positions()}` : ''
  } from sheets) as counted`;
  // Per unit: its figures and the totals it counted. Which sheets a trimmed mean dropped follows from that list
  // (aggregateValue), so it is not stored.
  const aggregated = `aggregated as (
    select unit_id, ${columns
      .map((column) => {
        const value = aggregateOf(method, column);
        return column === 'pen' ? `${d.least}(0, ${value}) as pen` : `${value} as ${column}`;
      })
      .join(', ')}, max(list) as counted
    from ${counted} group by unit_id)`;
  // The recused sheets are only counted: which they are is read from the sheets (sheetUsesOf).
  const recused = `recused as (select s.scored_unit_id as unit_id, count(*) as recused ${sheetsOf('recused')} group by s.scored_unit_id)`;
  const keys = chain.map((link) => `${link.column} desc`).join(', ');
  const decidedBy = chain.map((link) => `when lag(${link.column}) over v <> ${link.column} then ${bind(link.key, d.text)}`).join(' ');
  // Within a tie, the row above is the one before in label order (bytewise here; the reader's order is fixed up after).
  // The rows leave in that order, which keeps the reader's sort near linear. Grouping by unit alone and joining the
  // label here keeps the sort of the sheets on one key; the planner estimates the groups from the sheets' statistics.
  const ranked = `ranked as (
    select a.*, u.label, u.name, rank() over w as place, case ${decidedBy} else null end as decided_by
    from aggregated a join units u on u.id = a.unit_id
    window w as (order by ${keys}), v as (order by ${keys}, u.label${d.bytewise}, a.unit_id))`;

  const head = [bind(input.now, d.timestamp), bind(input.now, d.timestamp), bind(input.campaignId, d.uuid), bind(input.stageRunId, d.uuid)];
  const byMinimum = [...input.grades].map((grade) => ({ code: grade.code, min: tableHundredths(grade.min) })).sort((a, b) => b.min - a.min);
  const grade = byMinimum.length ? `case ${byMinimum.map((g) => `when r.total >= ${bind(g.min)} then ${bind(g.code, d.text)}`).join(' ')} else null end` : 'null';
  const groupObject = (object = d.object) => `${object}(${groups.map((group) => `${bind(group.code, d.text)}, r.${group.column}`).join(', ')})`;
  const described = [
    `'ranked', ${d.boolean('r.unit_id is not null')}`,
    `'tableVersionId', ${bind(input.tableVersionId, d.text)}`,
    `'aggregation', ${bind(method, d.text)}`,
    `'tieBreak', ${d.json(bind(JSON.stringify(input.tieBreak)))}`,
    `'label', u.label`,
    `'sources', ${d.json(bind(JSON.stringify(input.sourceRunIds)))}`,
    `'includeSelf', ${d.boolean(input.includeSelf ? '1 = 1' : '1 = 0')}`,
    `'counted', ${d.listJson('r.counted')}`,
    `'recused', coalesce(rc.recused, 0)`,
    `'groups', ${d.json(`case when r.unit_id is null then ${d.emptyObject} else ${groupObject()} end`)}`,
    `'penalties', coalesce(r.pen, 0)`,
  ];
  const breakdown = `${d.object}(${described.join(', ')})`;
  const insert = `insert into ranking_entry (id, created_at, updated_at, campaign_id, stage_run_id, unit_id, aggregate, adjustment, total, rank, grade, decided_by, breakdown)
    select ${d.newId}, ${head.join(', ')}, u.id, r.total, 0, r.total, r.place, ${grade}, r.decided_by, ${breakdown}
    from units u left join ranked r on r.unit_id = u.id left join recused rc on rc.unit_id = u.id`;
  const ctes = [units, sheets, aggregated, recused, ranked].join(',\n');
  if (input.dialect === 'sqlite') {
    // RETURNING reads the written row: the figures from its breakdown.
    return {
      sql: `with ${ctes}\n${insert}\nreturning unit_id, rank, total, decided_by, breakdown ->> '$.label' as label, breakdown -> '$.groups' as groups, breakdown ->> '$.penalties' as penalties, breakdown ->> '$.recused' as recused, (select u.name from unit u where u.id = unit_id) as name`,
      bindings,
    };
  }
  // PostgreSQL writes in a data-modifying WITH and returns the figures straight from the ranking, without reading the
  // JSON back, in rank order; the groups as json, which reaches the driver as text without a conversion from jsonb.
  return {
    sql: `with ${ctes},
    written as (${insert})
    select r.unit_id, r.place as rank, r.total, r.decided_by, r.label, r.name, ${groupObject('json_build_object')} as groups, r.pen as penalties, null::bigint as recused
    from ranked r
    union all
    select u.id, null, null, null, u.label, u.name, null, null, coalesce(rc.recused, 0)
    from units u left join recused rc on rc.unit_id = u.id where u.id not in (select unit_id from ranked)`,
    bindings,
  };
}
