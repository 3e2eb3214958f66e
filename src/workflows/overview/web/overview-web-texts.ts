import { interpolate, Language } from '../../../common/i18n/language';

/** Texts of the overview page (tổng quan), Vietnamese first. */
export const OVERVIEW_WEB_TEXTS = {
  navOverview: { vi: 'Tổng quan', en: 'Overview' },
  title: { vi: 'Tổng quan thi đua năm {year}', en: 'Overview of {year}' },
  yearLabel: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  summary: {
    vi: '{campaigns} đợt thi đua ({running} đang diễn ra, {completed} đã hoàn thành, {cancelled} đã hủy); {done}/{tasks} việc đã hoàn thành; {late} việc trễ hạn của các đơn vị, {overdue} chưa hoàn thành.',
    en: '{campaigns} campaigns ({running} running, {completed} completed, {cancelled} cancelled); {done} of {tasks} tasks completed; {late} late tasks of units, {overdue} still open.',
  },
  campaignsHeading: { vi: 'Các đợt thi đua theo cụm', en: 'Campaigns by cluster' },
  noCampaigns: { vi: 'Năm {year} chưa có đợt thi đua nào.', en: 'No campaign in {year}.' },
  clusterGroup: { vi: 'Cụm: {name}', en: 'Cluster: {name}' },
  unitGroup: { vi: 'Đơn vị: {name}', en: 'Unit: {name}' },
  campaign: { vi: 'Đợt thi đua', en: 'Campaign' },
  workflow: { vi: 'Quy trình', en: 'Workflow' },
  status: { vi: 'Trạng thái', en: 'Status' },
  currentStages: { vi: 'Bước hiện tại và tiến độ', en: 'Current stages and progress' },
  overdueStage: { vi: 'quá hạn', en: 'overdue' },
  lateHeading: { vi: 'Việc trễ hạn theo đơn vị', en: 'Late tasks by unit' },
  lateIntro: {
    vi: 'Việc của đơn vị đã quá hạn mà chưa hoàn thành, hoặc hoàn thành sau hạn; đơn vị có nhiều việc quá hạn chưa hoàn thành nhất đứng đầu. Việc giao cho cá nhân (thành viên Hội đồng…) không tính ở đây.',
    en: 'Units’ tasks past their due date and still open, or completed after it; the unit with the most still open comes first. Tasks assigned to people (council members…) are not counted here.',
  },
  noLate: { vi: 'Không có việc trễ hạn.', en: 'No late tasks.' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  overdue: { vi: 'Chưa hoàn thành', en: 'Still open' },
  places: { vi: 'Ở đợt thi đua / bước', en: 'In campaign / stage' },
  placeCounts: { vi: '{late} trễ hạn, {overdue} chưa hoàn thành', en: '{late} late, {overdue} still open' },
  chartHeading: { vi: 'Tiến độ hoàn thành theo ngày', en: 'Completion over time' },
  chartCaption: {
    vi: 'Mỗi ngày (giờ Việt Nam): tổng số việc đã giao và tổng số việc đã hoàn thành tính đến hết ngày đó, trong mọi đợt thi đua của năm. Việc bị hủy không tính; bài nộp đang chờ duyệt tính là đã hoàn thành; việc bị trả lại để sửa tính là chưa hoàn thành cho tới khi nộp lại.',
    en: 'Each day (Vietnam time): the tasks assigned and the tasks completed up to the end of that day, over every campaign of the year. Cancelled tasks are left out; a submission awaiting review counts as completed; a task returned for changes counts as open until resubmitted.',
  },
  noTasks: { vi: 'Chưa có việc nào được giao.', en: 'No task has been assigned yet.' },
  day: { vi: 'Ngày', en: 'Day' },
  assigned: { vi: 'Đã giao (cộng dồn)', en: 'Assigned (cumulative)' },
  completed: { vi: 'Đã hoàn thành (cộng dồn)', en: 'Completed (cumulative)' },
  tableHeading: { vi: 'Số liệu của biểu đồ', en: 'The chart’s figures' },
} as const;

export type OverviewTextKey = keyof typeof OVERVIEW_WEB_TEXTS;

export const ot = (language: Language, key: OverviewTextKey, params?: Record<string, unknown>): string => interpolate(OVERVIEW_WEB_TEXTS[key][language], params);
