/** Step kinds in the words of the web app (apps/web/src/lib/labels.ts says the same), for files the API writes. */
export const STEP_KIND_NAMES: Record<string, string> = {
  SET_LEAD_UNIT: 'Xác định đơn vị chủ trì',
  ASSIGN: 'Phân công',
  DRAFT: 'Soạn dự thảo',
  CONTRIBUTION: 'Đóng góp ý kiến phối hợp',
  UNIT_REVIEW: 'Trưởng đơn vị duyệt',
  VHXH_REVIEW: 'Phòng VH-XH thẩm định',
  CHAIRMAN_REVIEW: 'Chủ tịch phê duyệt',
  SET_SCHEDULE: 'Đặt lịch thực hiện',
  EXTENSION: 'Xét đề nghị gia hạn',
  REPORT_INPUT: 'Lập báo cáo của đơn vị',
  REPORT_DRAFT: 'Tổng hợp, dự thảo báo cáo của xã',
  REPORT_SUBMIT: 'Gửi báo cáo tới Sở Nội vụ',
};
