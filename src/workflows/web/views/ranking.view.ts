import { Language } from '../../../common/i18n/language';
import { formatPoints } from '../../../modules/scoring/table/points';
import { html, jsonScript, SafeHtml } from '../../../modules/web/html';
import type { RankingBreakdownDto, RankingDto, RankingRowDto, ScoreHistoryDto } from '../../stages/rank/ranking.dto';
import { formatDateTime } from '../page-format';
import { aggregationText, rt, tieBreakKeyText } from '../ranking-web-texts';

/** Points from the API (a number with at most 2 decimals) in the reader's convention: 18.5 → "18,50". */
export const pointsText = (value: number | null, language: Language): string => (value === null ? '—' : formatPoints(Math.round(value * 100), language));

/** An adjustment with its sign: "+0,50", "−5,00", or nothing for none. */
const adjustmentText = (value: number, language: Language): string => (value === 0 ? '' : `${value > 0 ? '+' : ''}${pointsText(value, language)}`);

/** Where a chart's script finds its data and its canvas (public/js/ranking-chart.js). */
function chart(id: string, kind: 'bar' | 'line', labels: string[], values: Array<number | null>, label: string, heading: string): SafeHtml {
  return html`<section class="ranking-chart">
  <h2>${heading}</h2>
  <canvas id="${id}" data-chart="${id}-data" role="img" aria-label="${heading}" height="280"></canvas>
  ${jsonScript(`${id}-data`, { kind, labels, values, label })}
</section>`;
}

function rankCell(row: RankingRowDto, language: Language): SafeHtml {
  if (!row.ranked) return html`<td>${rt(language, 'notRanked')}</td>`;
  return html`<td>${row.rank}${row.tiedWith.length ? html`<br><small>${rt(language, 'tiedWith', { units: row.tiedWith.map((u) => u.name).join(', ') })}</small>` : ''}</td>`;
}

export function rankingView(input: { language: Language; ranking: RankingDto; canDownload: boolean; canSeeBreakdown: (unitId: string) => boolean }): SafeHtml {
  const { language, ranking } = input;
  const chain = ranking.tieBreak.map((key) => tieBreakKeyText(language, key)).join(' → ');
  const ranked = ranking.rows.filter((row) => row.ranked);
  // Each ranked row after the first explains its place against the row above (after the aggregation's line): those
  // not decided by the total are the ties, broken by the chain or kept.
  const uniqueLines = ranked.filter((row, index) => index > 0 && row.decidedBy !== 'total' && row.explanation[1]).map((row) => row.explanation[1]);
  return html`<p><a href="/campaigns/${ranking.campaignId}">${rt(language, 'backToCampaign')}</a></p>
<h1>${rt(language, 'rankingTitle', { campaign: ranking.campaignName })}</h1>
<p>${rt(language, 'summary', { table: ranking.tableName, aggregation: aggregationText(language, ranking.aggregation), chain })}
${rt(language, 'computedAt', { time: formatDateTime(ranking.computedAt, language) })}</p>
<p><strong>${rt(language, 'leaders', { units: ranking.leaders.map((unit) => unit.name).join(', ') || '—' })}</strong></p>
<p>${ranking.adjustable ? rt(language, 'adjustable') : rt(language, 'notAdjustable')}</p>
${input.canDownload ? html`<p><a class="button" href="/api/v1/campaigns/${ranking.campaignId}/ranking.xlsx" download>${rt(language, 'download')}</a></p>` : ''}
${chart('ranking-chart', 'bar', ranked.map((row) => row.unitName), ranked.map((row) => row.total), rt(language, 'chartLabel'), rt(language, 'chartHeading'))}
<section>
  <h2>${rt(language, 'tableHeading')}</h2>
  <table class="ranking">
    <thead><tr><th>${rt(language, 'rank')}</th><th>${rt(language, 'unit')}</th><th>${rt(language, 'aggregate')}</th><th>${rt(language, 'adjustment')}</th><th>${rt(language, 'total')}</th><th>${rt(language, 'grade')}</th><th>${rt(language, 'sheetsCount')}</th></tr></thead>
    <tbody>
      ${ranking.rows.map(
        (row) => html`<tr>
        ${rankCell(row, language)}
        <td>${input.canSeeBreakdown(row.unitId) ? html`<a href="/campaigns/${ranking.campaignId}/ranking/units/${row.unitId}">${row.unitName}</a>` : row.unitName}
          ${row.explanation.length ? html`<br><small>${row.explanation[0]}</small>` : ''}${row.notRankedReason ? html`<br><small>${row.notRankedReason}</small>` : ''}</td>
        <td class="number">${pointsText(row.aggregate, language)}</td>
        <td class="number">${adjustmentText(row.adjustment, language)}${row.adjustmentReason ? html`<br><small>${row.adjustmentReason}</small>` : ''}</td>
        <td class="number"><strong>${pointsText(row.total, language)}</strong></td>
        <td>${row.grade?.label ?? '—'}</td>
        <td>${rt(language, 'sheetsSummary', row.sheets)}</td>
      </tr>`,
      )}
    </tbody>
  </table>
</section>
<section>
  <h2>${rt(language, 'explanationsHeading')}</h2>
  ${uniqueLines.length ? html`<ul class="tie-lines">${uniqueLines.map((line) => html`<li>${line}</li>`)}</ul>` : html`<p>${rt(language, 'noTies')}</p>`}
</section>`;
}

const USE_KEYS = { used: 'used', dropped: 'dropped', recused: 'recused', self: 'self' } as const;

export function breakdownView(input: { language: Language; breakdown: RankingBreakdownDto; stageName: (key: string) => string }): SafeHtml {
  const { language, breakdown } = input;
  const counted = breakdown.sheets.filter((sheet) => sheet.use === 'used' || sheet.use === 'dropped');
  const row = breakdown.row;
  return html`<p><a href="/campaigns/${breakdown.campaignId}/ranking">${rt(language, 'backToRanking')}</a> · <a href="/units/${breakdown.unit.unitId}/scores">${rt(language, 'scoresLink')}</a></p>
<h1>${rt(language, 'breakdownTitle', { unit: breakdown.unit.name })}</h1>
<p>${rt(language, 'rank')}: <strong>${row.ranked ? String(row.rank) : rt(language, 'notRanked')}</strong> · ${rt(language, 'total')}: <strong>${pointsText(row.total, language)}</strong> · ${rt(language, 'grade')}: ${row.grade?.label ?? '—'}</p>
${row.notRankedReason ? html`<p>${row.notRankedReason}</p>` : ''}
${row.explanation.length ? html`<ul class="tie-lines">${row.explanation.map((line) => html`<li>${line}</li>`)}</ul>` : ''}
${row.adjustment !== 0 ? html`<p>${rt(language, 'adjustment')}: ${adjustmentText(row.adjustment, language)} — ${row.adjustmentReason ?? ''}</p>` : ''}
<section>
  <h2>${rt(language, 'sheetsHeading')}</h2>
  <table>
    <thead><tr><th>${rt(language, 'scorer')}</th><th>${rt(language, 'stage')}</th><th>${rt(language, 'total')}</th><th>${rt(language, 'use')}</th></tr></thead>
    <tbody>${breakdown.sheets.map(
      (sheet) => html`<tr><td>${sheet.scorer}</td><td>${input.stageName(sheet.stageKey)}</td><td class="number">${pointsText(sheet.total, language)}</td>
        <td>${rt(language, USE_KEYS[sheet.use as keyof typeof USE_KEYS] ?? 'used')}${sheet.recusalReason ? html`: ${sheet.recusalReason}` : ''}</td></tr>`,
    )}</tbody>
  </table>
</section>
<section>
  <h2>${rt(language, 'groupsHeading')}</h2>
  <p>${Object.entries(breakdown.groups).map(([code, value]) => `${code}: ${pointsText(value, language)}`).join(' · ')} · ${rt(language, 'penalties')}: ${pointsText(breakdown.penalties, language)}</p>
</section>
<section>
  <h2>${rt(language, 'criteriaHeading')}</h2>
  <p>${rt(language, 'breakdownIntro', { aggregation: aggregationText(language, breakdown.aggregation) })}</p>
  <table class="criteria">
    <thead><tr><th>${rt(language, 'criterion')}</th><th>${rt(language, 'standard')}</th><th>${rt(language, 'selfPoints')}</th>${counted.map((sheet) => html`<th>${sheet.scorer}${sheet.use === 'dropped' ? ' *' : ''}</th>`)}<th>${rt(language, 'finalPoints')}</th></tr></thead>
    <tbody>${breakdown.criteria.map(
      (criterion) => html`<tr><td><strong>${criterion.code}</strong> ${criterion.text}</td><td class="number">${pointsText(criterion.standard, language)}</td><td class="number">${pointsText(criterion.self, language)}</td>
        ${counted.map((sheet) => html`<td class="number">${pointsText(criterion.scorers[sheet.sheetId] ?? null, language)}</td>`)}<td class="number"><strong>${pointsText(criterion.final, language)}</strong></td></tr>`,
    )}</tbody>
  </table>
  ${counted.some((sheet) => sheet.use === 'dropped') ? html`<p><small>* ${rt(language, 'dropped')}</small></p>` : ''}
</section>`;
}

export function scoresView(input: { language: Language; history: ScoreHistoryDto }): SafeHtml {
  const { language, history } = input;
  const heading = html`<h1>${rt(language, 'scoresTitle', { unit: history.unit.name })}</h1>`;
  if (!history.points.length) return html`${heading}
<p>${rt(language, 'scoresNone')}</p>`;
  return html`${heading}
<p>${rt(language, 'scoresIntro')}</p>
${chart('scores-chart', 'line', history.points.map((point) => String(point.year)), history.points.map((point) => point.total), rt(language, 'chartLabel'), rt(language, 'chartHeading'))}
<table>
  <thead><tr><th>${rt(language, 'year')}</th><th>${rt(language, 'campaign')}</th><th>${rt(language, 'total')}</th><th>${rt(language, 'rank')}</th><th>${rt(language, 'grade')}</th></tr></thead>
  <tbody>${history.points.map(
    (point) => html`<tr><td>${point.year}</td><td><a href="/campaigns/${point.campaignId}/ranking">${point.campaignName}</a></td><td class="number">${pointsText(point.total, language)}</td>
      <td>${point.rank === null ? rt(language, 'notRanked') : rt(language, 'rankOf', { rank: point.rank, units: point.units })}</td><td>${point.grade?.label ?? '—'}</td></tr>`,
  )}</tbody>
</table>`;
}

export const RANKING_PAGE_STYLE = html`<style>
table.ranking td.number,table.criteria td.number,td.number{text-align:right;white-space:nowrap}
.ranking-chart{max-width:56rem}
.tie-lines li{margin:.25rem 0}
</style>`;
