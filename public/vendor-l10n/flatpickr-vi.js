/*
 * Vietnamese for the date picker (flatpickr) that Form.io's date fields use: Form.io asks for
 * `flatpickr-<language>.js` next to the picker, and this server answers with this file.
 */
(function () {
  'use strict';
  var vi = {
    weekdays: {
      shorthand: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
      longhand: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
    },
    months: {
      shorthand: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
      longhand: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'],
    },
    firstDayOfWeek: 1,
    rangeSeparator: ' đến ',
    weekAbbreviation: 'Tuần',
    scrollTitle: 'Cuộn để thay đổi',
    toggleTitle: 'Bấm để chuyển',
    time_24hr: true,
  };
  if (window.flatpickr && window.flatpickr.l10ns) window.flatpickr.l10ns.vi = vi;
  window['flatpickr-vi'] = vi;
})();
