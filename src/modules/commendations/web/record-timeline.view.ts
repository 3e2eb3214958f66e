import { html, SafeHtml } from '../../web/html';

/** One mark on a year: a title or form held, a recognised initiative, an accepted example, a revoked award, or a count of the staff's titles. */
export interface TimelineMark {
  text: string;
  tone: 'title' | 'form' | 'initiative' | 'example' | 'revoked' | 'count';
  /** The longer wording a pointer or a screen reader gets (the decision, the revocation's reason). */
  detail?: string;
}

export interface TimelineYear {
  year: number;
  /** The year's result (hoàn thành xuất sắc nhiệm vụ…), under the year. */
  note?: string;
  marks: TimelineMark[];
}

/** The timeline's own rules: a horizontal axis of year columns that scrolls when the record is long, printable. */
export const RECORD_TIMELINE_STYLE = html`<style>
.timeline{margin:1rem 0 1.5rem;overflow-x:auto}
.timeline ol{list-style:none;display:flex;gap:0;margin:0;padding:0;min-width:min-content}
.timeline ol>li{flex:0 0 9.5rem;border-top:3px solid #1f4e79;padding:.6rem .5rem 0;position:relative}
.timeline ol>li::before{content:"";position:absolute;top:-.5rem;left:.5rem;width:.8rem;height:.8rem;border-radius:50%;background:#fff;border:3px solid #1f4e79}
.timeline .year{display:block;font-weight:700;font-size:1.1rem}
.timeline .note{display:block;font-size:.85rem;color:#444;min-height:1.2em}
.timeline ul{list-style:none;margin:.4rem 0 0;padding:0;display:flex;flex-direction:column;gap:.3rem}
.timeline .mark{font-size:.85rem;line-height:1.3;padding:.15rem .4rem;border-radius:.3rem;border:1px solid}
.timeline .mark.title{background:#fff4d6;border-color:#8a6100;color:#4d3600}
.timeline .mark.form{background:#e8f0fb;border-color:#1f4e79;color:#12304d}
.timeline .mark.initiative{background:#f3ecfa;border-color:#5b2a86;color:#3d1c5a}
.timeline .mark.example{background:#e6f6f7;border-color:#0d5e66;color:#083c41}
.timeline .mark.count{background:#eef6ee;border-color:#2e6b30;color:#1d451f}
.timeline .mark.revoked{background:#fdecee;border-color:#8a1010;color:#8a1010;text-decoration:line-through}
.timeline .empty{font-size:.85rem;color:#666}
</style>`;

/**
 * A record drawn as a timeline (biểu đồ quá trình): a column per year from the first to the last, gaps included so
 * that a missing year shows, each with its result and its marks. Plain markup: readable without script, in print and
 * by screen readers (an ordered list of years).
 */
export function recordTimeline(years: TimelineYear[], caption: string, nothing: string): SafeHtml {
  if (!years.length) return html``;
  const byYear = new Map(years.map((entry) => [entry.year, entry]));
  const first = Math.min(...byYear.keys());
  const last = Math.max(...byYear.keys());
  const columns = Array.from({ length: last - first + 1 }, (_, index) => byYear.get(first + index) ?? { year: first + index, marks: [] });
  return html`<figure class="timeline" id="timeline">
<figcaption class="muted">${caption}</figcaption>
<ol>${columns.map(
    (column) => html`<li data-year="${column.year}"><span class="year">${column.year}</span><span class="note">${column.note ?? ''}</span>${
      column.marks.length
        ? html`<ul>${column.marks.map((mark) => html`<li class="mark ${mark.tone}"${mark.detail ? html` title="${mark.detail}"` : ''}>${mark.text}</li>`)}</ul>`
        : html`<span class="empty">${nothing}</span>`
    }</li>`,
  )}</ol>
</figure>`;
}
