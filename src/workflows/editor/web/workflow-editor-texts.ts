import { interpolate, Language, Text } from '../../../common/i18n/language';

/** Texts of the workflow list and editor pages (and of the editor's script, sent in its page data), Vietnamese first. */
export const WORKFLOW_EDITOR_TEXTS = {
  navWorkflows: { vi: 'Quy trình', en: 'Workflows' },
  listTitle: { vi: 'Quy trình', en: 'Workflows' },
  listIntro: {
    vi: 'Mỗi quy trình có một bản nháp và các phiên bản đã công bố; mỗi đợt thi đua được ghim vào phiên bản nó được phát động. Quy trình có sẵn chỉ đọc: tạo bản sao để sửa.',
    en: 'Each workflow has a draft and published versions; each campaign is pinned to the version it was launched with. Built-in workflows are read-only: copy one to edit it.',
  },
  name: { vi: 'Tên', en: 'Name' },
  key: { vi: 'Mã', en: 'Key' },
  versions: { vi: 'Phiên bản', en: 'Versions' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  builtIn: { vi: 'có sẵn', en: 'built-in' },
  noVersions: { vi: 'chưa công bố', en: 'not published' },
  versionRuns: { vi: 'phiên bản {number}: {running} đợt đang chạy / {campaigns} đợt', en: 'version {number}: {running} running / {campaigns} campaigns' },
  edit: { vi: 'Sửa bản nháp', en: 'Edit the draft' },
  view: { vi: 'Xem', en: 'View' },
  copyLegend: { vi: 'Tạo bản sao', en: 'Copy' },
  newKey: { vi: 'Mã mới', en: 'New key' },
  newName: { vi: 'Tên mới', en: 'New name' },
  copy: { vi: 'Tạo bản sao', en: 'Copy' },
  createLegend: { vi: 'Tạo quy trình mới', en: 'New workflow' },
  create: { vi: 'Tạo', en: 'Create' },
  editorIntro: {
    vi: 'Sửa bản nháp dạng JSON hoặc thêm bước bằng biểu mẫu bên dưới; vấn đề và sơ đồ được cập nhật khi bạn gõ. Bản nháp chỉ được công bố khi không còn vấn đề nào.',
    en: 'Edit the draft as JSON or add stages with the form below; the problems and the diagram follow as you type. A draft is published only once it has no problem.',
  },
  completionHint: {
    vi: 'Ctrl+Cách gợi ý khóa và giá trị tại con trỏ (loại bước, người thực hiện, kết quả, bước tiếp theo); bấm vào một vấn đề để tới chỗ của nó trong JSON.',
    en: 'Ctrl+Space suggests keys and values at the cursor (stage types, assignees, outcomes, next stages); click a problem to go to its place in the JSON.',
  },
  completionList: { vi: 'Gợi ý', en: 'Suggestions' },
  jsonAt: { vi: 'JSON sai cú pháp ở dòng {line}, cột {column}.', en: 'Malformed JSON at line {line}, column {column}.' },
  builtInReadOnly: { vi: 'Quy trình có sẵn được cập nhật từ tệp đi kèm ứng dụng; hãy tạo bản sao để sửa.', en: 'Built-in workflows come from the files shipped with the app; copy one to edit it.' },
  draftLabel: { vi: 'Bản nháp (JSON)', en: 'Draft (JSON)' },
  problems: { vi: 'Vấn đề', en: 'Problems' },
  diagram: { vi: 'Sơ đồ', en: 'Diagram' },
  diagramSource: { vi: 'Mã Mermaid của sơ đồ', en: 'The diagram’s Mermaid source' },
  save: { vi: 'Lưu bản nháp', en: 'Save the draft' },
  publish: { vi: 'Công bố', en: 'Publish' },
  addStage: { vi: 'Thêm bước', en: 'Add a stage' },
  stageKey: { vi: 'Mã bước (chữ thường, số, gạch ngang)', en: 'Stage key (lowercase letters, digits, hyphens)' },
  stageType: { vi: 'Loại bước', en: 'Stage type' },
  stageName: { vi: 'Tên bước', en: 'Stage name' },
  assignee: { vi: 'Người thực hiện', en: 'Assignee' },
  noAssignee: { vi: '(không có)', en: '(none)' },
  fanOut: { vi: 'Mỗi đơn vị thành viên một nhiệm vụ', en: 'One task per member unit' },
  dueWorkingDays: { vi: 'Thời hạn (ngày làm việc)', en: 'Due (working days)' },
  after: { vi: 'Sau bước', en: 'After the stage' },
  afterOutcome: { vi: 'khi có kết quả', en: 'on the outcome' },
  then: { vi: 'rồi chuyển sang bước', en: 'then go to the stage' },
  compare: { vi: 'so sánh với phiên bản trước', en: 'compare with the previous version' },
  diffTitle: { vi: '{name}: so sánh phiên bản {from} và {to}', en: '{name}: version {from} against {to}' },
  diffFrom: { vi: 'Từ phiên bản', en: 'From version' },
  diffTo: { vi: 'Đến phiên bản', en: 'To version' },
  diffShow: { vi: 'So sánh', en: 'Compare' },
  diffStart: { vi: 'Bước bắt đầu: {from} → {to}', en: 'Start stage: {from} → {to}' },
  diffAdded: { vi: 'Bước thêm mới', en: 'Stages added' },
  diffRemoved: { vi: 'Bước bị bỏ', en: 'Stages removed' },
  diffChanged: { vi: 'Bước thay đổi', en: 'Stages changed' },
  diffNone: { vi: 'Hai phiên bản giống nhau.', en: 'The two versions are the same.' },
  property: { vi: 'Thuộc tính', en: 'Property' },
  beforeValue: { vi: 'Trước', en: 'Before' },
  afterValue: { vi: 'Sau', en: 'After' },
  absent: { vi: '(không có)', en: '(absent)' },
  // The script's messages.
  jsonInvalid: { vi: 'JSON không hợp lệ: {message}', en: 'Invalid JSON: {message}' },
  noProblems: { vi: 'Không có vấn đề: có thể công bố.', en: 'No problems: ready to publish.' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  saved: { vi: 'Đã lưu bản nháp.', en: 'Draft saved.' },
  published: { vi: 'Đã công bố phiên bản {number}.', en: 'Version {number} published.' },
  unchanged: { vi: 'Bản nháp trùng phiên bản {number}: không có gì mới để công bố.', en: 'The draft is version {number}: nothing new to publish.' },
  failed: { vi: 'Không thực hiện được: {message}', en: 'Could not do it: {message}' },
  stageExists: { vi: 'Đã có bước “{key}”.', en: 'There is already a stage “{key}”.' },
  stageAdded: { vi: 'Đã thêm bước “{key}”.', en: 'Stage “{key}” added.' },
  diagramFailed: { vi: 'Chưa vẽ được sơ đồ.', en: 'The diagram cannot be drawn yet.' },
} satisfies Record<string, Text>;

export type WorkflowEditorTextKey = keyof typeof WORKFLOW_EDITOR_TEXTS;

export const et = (language: Language, key: WorkflowEditorTextKey, params?: Record<string, unknown>): string => interpolate(WORKFLOW_EDITOR_TEXTS[key][language], params);

/** The texts the editor's script shows, in the page language. */
export const editorScriptTexts = (language: Language): Record<string, string> =>
  Object.fromEntries((['jsonInvalid', 'jsonAt', 'completionList', 'noProblems', 'checking', 'saved', 'published', 'unchanged', 'failed', 'stageExists', 'stageAdded', 'diagramFailed'] as const).map((key) => [key, WORKFLOW_EDITOR_TEXTS[key][language]]));
