import { formatDateTime } from '../../common/i18n/date-text';
import { Language } from '../../common/i18n/language';
import { html, SafeHtml } from '../../modules/web/html';
import type { AssigneeRule, DueRule, LocalText, WorkflowDocument } from '../definitions/workflow-document';
import { counted, labelOf, ROLE_ASSIGNEE_TEXTS, wt } from './workflow-web-texts';

export { formatDateTime };

/** A `<time>` element: machine-readable instant, Vietnam wall-clock text. */
export function timeElement(moment: string | Date, language: Language): SafeHtml {
  const iso = new Date(moment).toISOString();
  return html`<time datetime="${iso}">${formatDateTime(iso, language)}</time>`;
}

/** A definition text in the page language: English falls back to Vietnamese when not given. */
export function localText(text: LocalText | undefined, language: Language, fallback: string): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  return (language === 'en' ? text.en : undefined) ?? text.vi;
}

/** A stage's name from the pinned document; its key when it has none. */
export function stageLabel(document: WorkflowDocument | undefined, key: string, language: Language): string {
  return localText(document?.stages[key]?.name, language, key);
}

/** "4/6 xong, 1 chờ duyệt, 1 trễ hạn" / "4/6 done, 1 awaiting review, 1 late". */
export function progressText(progress: { done: number; total: number; late: number; awaitingReview?: number }, language: Language): string {
  const vi = language === 'vi';
  const parts = [vi ? `${progress.done}/${progress.total} xong` : `${progress.done}/${progress.total} done`];
  if (progress.awaitingReview) parts.push(vi ? `${progress.awaitingReview} chờ duyệt` : `${progress.awaitingReview} awaiting review`);
  if (progress.late) parts.push(vi ? `${progress.late} trễ hạn` : `${progress.late} late`);
  return parts.join(', ');
}

/** "3 việc cần làm, 1 trễ hạn" / "3 tasks to do, 1 late". */
export function inboxCountsText(counts: { open: number; late: number }, language: Language): string {
  const open = counted(language, counts.open, { vi: 'việc cần làm', en: ['task to do', 'tasks to do'] });
  if (!counts.late) return open;
  return `${open}, ${language === 'vi' ? `${counts.late} trễ hạn` : `${counts.late} late`}`;
}

/** A due rule as administrators would say it: "5 ngày làm việc", "1 hour". */
export function dueRuleText(due: DueRule, language: Language): string {
  if ('workingDays' in due) return counted(language, due.workingDays, { vi: 'ngày làm việc', en: ['working day', 'working days'] });
  if ('days' in due) return counted(language, due.days, { vi: 'ngày', en: ['day', 'days'] });
  if ('hours' in due) return counted(language, due.hours, { vi: 'giờ', en: ['hour', 'hours'] });
  if ('minutes' in due) return counted(language, due.minutes, { vi: 'phút', en: ['minute', 'minutes'] });
  return language === 'vi' ? `ngày ${due.date}` : `on ${due.date}`;
}

/** An assignee rule: a role in the subject, or a named unit or person. */
export function assigneeText(rule: AssigneeRule, language: Language): string {
  if (typeof rule === 'string') return labelOf(ROLE_ASSIGNEE_TEXTS, rule, language);
  if ('unit' in rule) return wt(language, 'assigneeUnit', { code: rule.unit });
  return wt(language, 'assigneePerson', { username: rule.person });
}
