import type { CatalogEntry } from './error-catalog';

/** Error codes of the launch wizard, instance migration and the workflow editor's comparison; spread into ERROR_CATALOG. */
export const LAUNCH_ERRORS = {
  LAUNCH_SUBJECT_MISMATCH: {
    kind: 'user',
    status: 422,
    message: { vi: 'Quy trình “{workflow}” chạy cho {expected}; hãy chọn đối tượng phù hợp.', en: 'Workflow “{workflow}” runs for a {expected}; choose a matching subject.' },
  },
  LAUNCH_SUBJECT_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Hãy chọn {field} để phát động.', en: 'Choose the {field} to launch for.' },
  },
  LAUNCH_CLUSTER_OTHER_YEAR: {
    kind: 'user',
    status: 422,
    message: { vi: '“{cluster}” là cụm thi đua năm {clusterYear}, không phải năm {year}.', en: '“{cluster}” is the cluster of {clusterYear}, not of {year}.' },
  },
  LAUNCH_NO_SUBJECTS: {
    kind: 'user',
    status: 422,
    message: { vi: 'Năm {year} không có {subjects} nào để phát động.', en: 'There are no {subjects} of {year} to launch for.' },
  },
  LAUNCH_START_OUTSIDE_YEAR: {
    kind: 'user',
    status: 422,
    message: { vi: 'Ngày bắt đầu {startsOn} không thuộc năm {year} của đợt thi đua.', en: 'The start date {startsOn} is not in the campaign’s year {year}.' },
  },
  SIMULATION_UNTIL_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Ngày kết thúc diễn tập {until} không phải một ngày từ ngày bắt đầu {startsOn} trở đi.', en: 'The rehearsal’s last day {until} is not a day on or after its start day {startsOn}.' },
  },
  LAUNCH_ALREADY_LAUNCHED: {
    kind: 'conflict',
    message: { vi: '“{subject}” đã có đợt “{campaign}” của quy trình này trong năm {year}.', en: '“{subject}” already has “{campaign}” of this workflow in {year}.' },
  },
  // `details.subjects`: each refused subject's name, code and message; nothing was launched.
  LAUNCH_REFUSED: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Không phát động: {count} đối tượng chưa đủ điều kiện ({names}). Không đợt nào được tạo.',
      en: 'Nothing launched: {count} subject(s) cannot be launched ({names}). No campaign was created.',
    },
  },
  // `details.reasons`: each reason in vi and en.
  CAMPAIGN_MIGRATION_REFUSED: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Không chuyển được “{campaign}” từ phiên bản {from} sang {to}: {reasons}.',
      en: 'Cannot move “{campaign}” from version {from} to {to}: {reasonsEn}.',
    },
  },
  WORKFLOW_VERSIONS_UNRELATED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Chỉ so sánh được hai phiên bản của cùng một quy trình (“{a}” và “{b}”).', en: 'Only two versions of one workflow can be compared (“{a}” and “{b}”).' },
  },
} satisfies Record<string, CatalogEntry>;
