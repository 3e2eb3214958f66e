import { interpolate, Language, Text } from '../../common/i18n/language';

/** Every text of the workflow pages, Vietnamese first. Error messages come from the error catalog. */
export const WORKFLOW_WEB_TEXTS = {
  navInbox: { vi: 'Việc cần làm', en: 'My tasks' },
  navCampaigns: { vi: 'Đợt thi đua', en: 'Campaigns' },

  inboxTitle: { vi: 'Việc cần làm', en: 'My tasks' },
  inboxOpenHeading: { vi: 'Cần xử lý', en: 'To do' },
  inboxDoneHeading: { vi: 'Đã xử lý', en: 'Done' },
  inboxEmpty: { vi: 'Không có việc nào cần làm.', en: 'Nothing to do.' },
  inboxNoneDone: { vi: 'Chưa có việc nào đã xử lý.', en: 'No task done yet.' },
  inboxDoneShown: { vi: 'Hiển thị {shown} trên {total} việc đã xử lý.', en: 'Showing {shown} of {total} tasks done.' },
  campaign: { vi: 'Đợt thi đua', en: 'Campaign' },
  stage: { vi: 'Bước', en: 'Stage' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  assignedToYou: { vi: 'Giao cho cá nhân bạn', en: 'Assigned to you' },
  due: { vi: 'Hạn (giờ Việt Nam)', en: 'Due (Vietnam time)' },
  dueAt: { vi: 'Hạn', en: 'Due' },
  dueRule: { vi: 'Thời hạn', en: 'Time allowed' },
  noDue: { vi: 'Không có hạn', en: 'No due date' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  result: { vi: 'Kết quả', en: 'Result' },
  comment: { vi: 'Ý kiến', en: 'Comment' },
  iteration: { vi: '(lần {n})', en: '(round {n})' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  returnReason: { vi: 'Lý do trả lại (bắt buộc)', en: 'Reason for returning (required)' },
  closingComment: { vi: 'Ý kiến kết luận (không bắt buộc)', en: 'Closing comment (optional)' },
  confirmIrreversible: {
    vi: 'Tôi hiểu rằng "{action}" không thể hoàn tác: sau đó không nhận thêm ý kiến hay đề xuất sửa đổi.',
    en: 'I understand that "{action}" cannot be undone: no comments or amendments are accepted afterwards.',
  },
  openForm: { vi: 'Mở biểu mẫu', en: 'Open the form' },
  openProposals: { vi: 'Chọn người đề nghị', en: 'Choose whom to propose' },
  openVote: { vi: 'Xem và bỏ phiếu', en: 'See and vote' },
  voteResult: { vi: 'Xem kết quả biểu quyết', en: 'See the result' },
  openDocument: { vi: 'Mở văn bản giao ước', en: 'Open the pact document' },
  document: { vi: 'Văn bản', en: 'Document' },
  unitsVoted: { vi: '{done}/{total} đơn vị đã bỏ phiếu', en: '{done} of {total} units have voted' },
  noCommands: { vi: 'Bước này không cần thao tác của bạn.', en: 'This stage needs no action from you.' },

  launchCampaign: { vi: 'Phát động đợt thi đua mới', en: 'Launch a new campaign' },
  campaignsTitle: { vi: 'Các đợt thi đua', en: 'Campaigns' },
  campaignsEmpty: { vi: 'Chưa có đợt thi đua nào.', en: 'No campaign yet.' },
  campaignsFilter: { vi: 'Lọc theo trạng thái', en: 'Filter by status' },
  allStatuses: { vi: 'Tất cả', en: 'All' },
  name: { vi: 'Tên', en: 'Name' },
  year: { vi: 'Năm', en: 'Year' },
  workflow: { vi: 'Quy trình', en: 'Workflow' },
  status: { vi: 'Trạng thái', en: 'Status' },
  currentStages: { vi: 'Bước đang thực hiện', en: 'Current stages' },
  launchedAt: { vi: 'Khởi động lúc', en: 'Launched' },
  endedAt: { vi: 'Kết thúc lúc', en: 'Ended' },
  subject: { vi: 'Đối tượng', en: 'Subject' },
  subjectCluster: { vi: '{name} (năm {year})', en: '{name} ({year})' },
  cancelReason: { vi: 'Lý do hủy', en: 'Reason for cancelling' },
  versionNumber: { vi: 'phiên bản {number}', en: 'version {number}' },

  timelineHeading: { vi: 'Tiến trình', en: 'Timeline' },
  timelineDone: { vi: 'Đã xong', en: 'Done' },
  timelineCancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  timelineCurrent: { vi: 'Đang thực hiện', en: 'In progress' },
  timelineNext: { vi: 'Tiếp theo', en: 'Next' },
  timelineEmpty: { vi: 'Chưa có bước nào.', en: 'No stage yet.' },
  nextWhen: { vi: 'khi', en: 'when' },
  nextIf: { vi: 'nếu', en: 'if' },
  nextOtherwise: { vi: 'ngược lại', en: 'otherwise' },
  nextAgain: { vi: 'làm lại', en: 'again' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  closedAt: { vi: 'Xong lúc', en: 'Closed' },
  noTasks: { vi: 'Bước này không giao việc cho ai.', en: 'This stage assigns no tasks.' },

  historyHeading: { vi: 'Lịch sử và kiểm tra toàn vẹn', en: 'History and integrity check' },
  historyLink: { vi: 'Xem toàn bộ lịch sử ({count} sự kiện)', en: 'See the whole history ({count} events)' },
  chainIntact: {
    vi: 'Chuỗi lịch sử toàn vẹn: {count} sự kiện, mã băm cuối {hash}',
    en: 'The history chain is intact: {count} events, head hash {hash}',
  },
  chainBroken: {
    vi: 'Chuỗi lịch sử bị phá vỡ tại sự kiện số {seq}: {reason}.',
    en: 'The history chain is broken at event {seq}: {reason}.',
  },
  historyTitle: { vi: 'Lịch sử: {name}', en: 'History: {name}' },
  backToCampaign: { vi: 'Quay lại đợt thi đua', en: 'Back to the campaign' },
  eventSeq: { vi: 'Số', en: 'No.' },
  eventTime: { vi: 'Thời điểm', en: 'Time' },
  eventType: { vi: 'Sự kiện', en: 'Event' },
  eventActor: { vi: 'Người thực hiện', en: 'Actor' },
  eventHash: { vi: 'Mã băm', en: 'Hash' },
  engineActor: { vi: 'Hệ thống', en: 'System' },
  actingFor: { vi: '{person}, thay mặt {unit}', en: '{person}, for {unit}' },

  versionTitle: { vi: 'Quy trình {key}, phiên bản {number}', en: 'Workflow {key}, version {number}' },
  versionFacts: { vi: 'Thông tin phiên bản', en: 'About this version' },
  publishedAt: { vi: 'Công bố lúc', en: 'Published' },
  publishedBy: { vi: 'Người công bố', en: 'Published by' },
  builtInPublisher: { vi: 'Hệ thống (quy trình có sẵn)', en: 'System (built-in workflow)' },
  contentHash: { vi: 'Mã băm nội dung', en: 'Content hash' },
  startStage: { vi: 'Bước bắt đầu', en: 'Start stage' },
  stagesHeading: { vi: 'Các bước', en: 'Stages' },
  stageKey: { vi: 'Mã bước', en: 'Key' },
  stageType: { vi: 'Loại', en: 'Type' },
  assignees: { vi: 'Người thực hiện', en: 'Assignees' },
  transitions: { vi: 'Chuyển tiếp', en: 'Transitions' },
  none: { vi: 'Không có', en: 'None' },
  eachMember: { vi: 'mỗi đơn vị thành viên của cụm', en: 'each member unit of the cluster' },
  assigneeUnit: { vi: 'đơn vị {code}', en: 'unit {code}' },
  assigneePerson: { vi: 'cán bộ {username}', en: 'person {username}' },
  reminderBefore: { vi: 'nhắc trước {due}', en: 'reminder {due} before' },
  diagramHeading: { vi: 'Sơ đồ (mã Mermaid)', en: 'Diagram (Mermaid source)' },
  diagramHint: {
    vi: 'Dán đoạn mã này vào một công cụ hỗ trợ Mermaid để xem sơ đồ.',
    en: 'Paste this source into any Mermaid tool to see the diagram.',
  },
} satisfies Record<string, Text>;

export type WorkflowWebTextKey = keyof typeof WORKFLOW_WEB_TEXTS;

/** The page text in a language, with `{name}` placeholders filled. */
export function wt(language: Language, key: WorkflowWebTextKey, params?: Record<string, unknown>): string {
  return interpolate(WORKFLOW_WEB_TEXTS[key][language], params);
}

/** A label from a table; an unknown code shows as itself rather than disappearing. */
export function labelOf(table: Record<string, Text>, code: string, language: Language): string {
  return Object.hasOwn(table, code) ? table[code][language] : code;
}

/** A count with its noun: Vietnamese nouns do not change, English ones take a plural. */
export function counted(language: Language, count: number, noun: { vi: string; en: [one: string, other: string] }): string {
  return language === 'vi' ? `${count} ${noun.vi}` : `${count} ${count === 1 ? noun.en[0] : noun.en[1]}`;
}

export const COMMAND_TEXTS: Record<string, Text> = {
  approve: { vi: 'Duyệt', en: 'Approve' },
  return: { vi: 'Trả lại', en: 'Return' },
  acknowledge: { vi: 'Xác nhận', en: 'Acknowledge' },
  close: { vi: 'Kết thúc thảo luận', en: 'Close the discussion' },
};

/** What the inbox says after a command went through (`?flash=`); only these codes are shown. */
export const FLASH_TEXTS: Record<string, Text> = {
  approved: { vi: 'Đã duyệt. Bước tiếp theo đã được giao.', en: 'Approved. The next stage has been assigned.' },
  returned: { vi: 'Đã trả lại kèm lý do.', en: 'Returned with your reason.' },
  acknowledged: { vi: 'Đã xác nhận.', en: 'Acknowledged.' },
  closed: { vi: 'Đã kết thúc thảo luận.', en: 'Discussion closed.' },
};

/** The flash code each command leads to. */
export const FLASH_OF_COMMAND: Record<string, string> = { approve: 'approved', return: 'returned', acknowledge: 'acknowledged', close: 'closed' };

export const OUTCOME_TEXTS: Record<string, Text> = {
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  acknowledged: { vi: 'Đã xác nhận', en: 'Acknowledged' },
  timeout: { vi: 'Hết hạn', en: 'Timed out' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  end: { vi: 'Kết thúc quy trình', en: 'Workflow ended' },
  voted: { vi: 'Đã bỏ phiếu', en: 'Voted' },
  passed: { vi: 'Thông qua', en: 'Passed' },
  failed: { vi: 'Không thông qua', en: 'Not passed' },
  'no-quorum': { vi: 'Không đủ túc số', en: 'No quorum' },
  tie: { vi: 'Ngang phiếu', en: 'Tie' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  elapsed: { vi: 'Hết thời gian chờ', en: 'Wait over' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  declined: { vi: 'Từ chối ký', en: 'Declined' },
  scored: { vi: 'Đã chấm điểm', en: 'Scored' },
  ranked: { vi: 'Đã xếp hạng', en: 'Ranked' },
  decided: { vi: 'Đã quyết định', en: 'Decided' },
  proposed: { vi: 'Đã đề nghị', en: 'Proposed' },
  none: { vi: 'Không có đề nghị', en: 'Nobody proposed' },
};

export const CAMPAIGN_STATUS_TEXTS: Record<string, Text> = {
  running: { vi: 'Đang diễn ra', en: 'Running' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const STAGE_TYPE_TEXTS: Record<string, Text> = {
  review: { vi: 'Xem xét', en: 'Review' },
  acknowledge: { vi: 'Xác nhận', en: 'Acknowledge' },
  form: { vi: 'Biểu mẫu', en: 'Form' },
  discussion: { vi: 'Thảo luận', en: 'Discussion' },
  vote: { vi: 'Biểu quyết', en: 'Vote' },
  sign: { vi: 'Ký', en: 'Sign' },
  score: { vi: 'Chấm điểm', en: 'Score' },
  rank: { vi: 'Xếp hạng', en: 'Rank' },
  propose: { vi: 'Đề nghị danh hiệu', en: 'Propose for titles' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  wait: { vi: 'Chờ', en: 'Wait' },
  end: { vi: 'Kết thúc', en: 'End' },
};

export const ROLE_ASSIGNEE_TEXTS: Record<string, Text> = {
  'cluster-head': { vi: 'cụm trưởng', en: 'cluster head' },
  'cluster-deputy': { vi: 'cụm phó', en: 'cluster deputy' },
  'cluster-member': { vi: 'các đơn vị thành viên', en: 'member units' },
  'council-member': { vi: 'thành viên Hội đồng Thi đua - Khen thưởng', en: 'council members' },
  admin: { vi: 'quản trị hệ thống', en: 'administrators' },
};

export const DEADLINE_POLICY_TEXTS: Record<string, Text> = {
  'mark-late': { vi: 'quá hạn: đánh dấu trễ hạn', en: 'when overdue: mark late' },
  close: { vi: 'quá hạn: đóng bước (kết quả "hết hạn")', en: 'when overdue: close the stage (outcome "timeout")' },
  escalate: { vi: 'quá hạn: báo cụm trưởng', en: 'when overdue: escalate to the cluster head' },
};

export const EVENT_TEXTS: Record<string, Text> = {
  'campaign.launched': { vi: 'Khởi động đợt thi đua', en: 'Campaign launched' },
  'stage.entered': { vi: 'Bắt đầu bước', en: 'Stage entered' },
  'task.completed': { vi: 'Hoàn thành nhiệm vụ', en: 'Task completed' },
  'task.reviewed': { vi: 'Duyệt bài nộp', en: 'Submission reviewed' },
  'stage.overdue': { vi: 'Bước quá hạn', en: 'Stage overdue' },
  'stage.completed': { vi: 'Kết thúc bước', en: 'Stage completed' },
  'campaign.completed': { vi: 'Đợt thi đua hoàn thành', en: 'Campaign completed' },
  'campaign.cancelled': { vi: 'Hủy đợt thi đua', en: 'Campaign cancelled' },
  'campaign.migrated': { vi: 'Chuyển sang phiên bản mới của quy trình', en: 'Moved to a newer workflow version' },
};

/** The verifier's reasons (English in the engine) in the page language. */
export const CHAIN_REASON_TEXTS: Record<string, Text> = {
  'missing event': { vi: 'thiếu sự kiện', en: 'an event is missing' },
  'link to the previous event broken': { vi: 'liên kết với sự kiện trước bị đứt', en: 'the link to the previous event is broken' },
  'content changed': { vi: 'nội dung đã bị thay đổi', en: 'its content was changed' },
};
