/** What users read when the policy refuses an action (Vietnamese, shown as is by the web app and in e-mails). */
export const POLICY_MESSAGES = {
  notFound: 'Không tìm thấy nhiệm vụ.',
  notYourStep: 'Bước này không thuộc quyền xử lý của bạn.',
  delegationNotValidToday: 'Ủy quyền phê duyệt của bạn không có hiệu lực vào ngày hôm nay.',
  selfApproval: 'Người soạn thảo không được tự quyết định (duyệt hoặc trả lại) dự thảo của mình.',
  stepClosed: 'Bước này đã được xử lý hoặc đã chuyển sang bước khác.',
  coordinatorOnly: 'Chỉ cán bộ đầu mối CCHC hoặc quản trị viên được thực hiện thao tác này.',
  scheduleNotOnRequest: 'Chỉ đặt thời hạn cho nhiệm vụ thực hiện theo yêu cầu hoặc chưa có thời hạn.',
  taskClosed: 'Nhiệm vụ đã hoàn thành: không còn bước nào để xử lý.',
  wrongStep: 'Thao tác này không áp dụng cho bước hiện tại.',
  notSubmitted: 'Chỉ mở lại báo cáo đã gửi Sở Nội vụ.',
  notAvailableYet: 'Chức năng này chưa được mở cho nhiệm vụ.',
} as const;

/** The trail's note where a unit head's own submission stands for his unit's review (headOfUnitDrafted). */
export const REVIEW_BY_SUBMISSION_NOTE = 'Lãnh đạo đơn vị trực tiếp soạn và trình: việc trình thay cho bước duyệt của đơn vị.';
