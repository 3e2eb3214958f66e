/** A complete 2020 year-end report (báo cáo tổng kết) of a unit, as the built-in form `reporting/yearend-report` takes it. */
export const yearendReport2020 = (unitName: string, selfScore = 95): Record<string, unknown> => ({
  unitName,
  year: 2020,
  periodFrom: '2020-01-01T00:00:00+07:00',
  periodTo: '2020-12-31T00:00:00+07:00',
  clauseResults: [{ clauseNumber: 1, result: 'Hoàn thành các chỉ tiêu nghiệp vụ theo giao ước.', completionPercent: 100 }],
  staffCount: 120,
  casesHandled: 1450,
  casesResolvedPercent: 98,
  movementsLaunched: 4,
  initiativesRecognised: 2,
  commendationsAwarded: 11,
  advancedExamples: [],
  goodDeedsCount: 3,
  selfScore,
  selfGrading: 'hoanThanhXuatSac',
  selfAssessmentSummary: 'Đơn vị hoàn thành xuất sắc nhiệm vụ năm 2020.',
  proposedCommendations: [],
});

/** A complete mid-year report (báo cáo sơ kết 6 tháng) of a unit for 2020, as `reporting/midyear-report` takes it. */
export const midyearReport2020 = (unitName: string): Record<string, unknown> => ({
  unitName,
  year: 2020,
  periodFrom: '2020-01-01T00:00:00+07:00',
  periodTo: '2020-06-30T00:00:00+07:00',
  clauseResults: [{ clauseNumber: 1, result: 'Triển khai đầy đủ các chỉ tiêu nghiệp vụ của giao ước.', completionPercent: 55 }],
  staffCount: 120,
  casesHandled: 700,
  casesResolvedPercent: 96,
  movementsLaunched: 2,
  initiativesRecognised: 1,
  commendationsAwarded: 4,
  advancedExamples: [],
  goodDeedsCount: 1,
  nextPeriodTasks: 'Tiếp tục thực hiện các chỉ tiêu giao ước 6 tháng cuối năm.',
});
