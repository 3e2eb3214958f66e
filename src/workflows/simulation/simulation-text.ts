import type { Language } from '../../common/i18n/language';
import { CAMPAIGN_STATUS_TEXTS, labelOf, OUTCOME_TEXTS } from '../web/workflow-web-texts';
import type { SimulationReport } from './simulation.types';

const at = (iso: string) => `${new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}`;

/** A dry run's report as plain text (the CLI's output), in one language; times in Vietnam time. */
export function simulationText(report: SimulationReport, language: Language): string {
  const vi = language === 'vi';
  const lines = [
    vi ? `Diễn tập “${report.workflow.name}” (phiên bản ${report.workflow.version}) cho ${report.subject}` : `Rehearsal of “${report.workflow.name}” (version ${report.workflow.version}) for ${report.subject}`,
    vi ? `Từ ${at(report.startedAt)} đến ${at(report.endedAt)} (giờ Việt Nam); trạng thái: ${labelOf(CAMPAIGN_STATUS_TEXTS, report.status, language).toLowerCase()}` : `From ${at(report.startedAt)} to ${at(report.endedAt)} (Vietnam time); status: ${labelOf(CAMPAIGN_STATUS_TEXTS, report.status, language).toLowerCase()}`,
    vi ? `Dừng vì: ${report.stoppedBecause.vi}` : `Stopped because: ${report.stoppedBecause.en}`,
    vi ? `Đơn vị trễ hạn (theo kịch bản): ${report.lateUnits.join(', ') || 'không'}` : `Late units (by the scenario): ${report.lateUnits.join(', ') || 'none'}`,
    vi ? `Nhắc hạn đã gửi: ${report.remindersSent}; tổng số thông báo: ${report.noticesSent}` : `Reminders sent: ${report.remindersSent}; notices in all: ${report.noticesSent}`,
    '',
    vi ? 'Các bước:' : 'Stages:',
    ...report.stages.map((stage) => `  ${at(stage.enteredAt)} → ${stage.completedAt ? at(stage.completedAt) : '…'}  ${stage.name[language]}${stage.outcome ? ` [${labelOf(OUTCOME_TEXTS, stage.outcome, language)}]` : ''}`),
    '',
    vi ? `Quá hạn (${report.missedDeadlines.length}):` : `Missed deadlines (${report.missedDeadlines.length}):`,
    ...report.missedDeadlines.map((miss) => `  ${miss.assignee} — ${miss.stage[language]}: ${vi ? 'hạn' : 'due'} ${at(miss.dueAt)}, ${miss.doneAt ? `${vi ? 'xong' : 'done'} ${at(miss.doneAt)}` : vi ? 'chưa xong' : 'not done'}`),
    '',
    vi ? 'Diễn biến:' : 'Timeline:',
    ...report.timeline.map((entry) => `  ${at(entry.at)}  ${entry[language]}`),
  ];
  return `${lines.join('\n')}\n`;
}
