import type { DeadlineKind, DueState, HistoryEvent, Role, StatusWord, StepKind, TaskStatus, UnitCode, UserRef } from '../api/types';
import type { EscalationTarget } from '../api/deadlines';
// The status words themselves are the domain's (pure constants, nothing else enters the bundle).
import { STATUS_WORDS } from '../../../../libs/domain/src/deadlines/status-word';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: 'Chưa bắt đầu',
  IN_PROGRESS: 'Đang thực hiện',
  UNIT_REVIEW: 'Chờ trưởng đơn vị duyệt',
  VHXH_REVIEW: 'Chờ Phòng VH-XH thẩm định',
  CHAIRMAN_REVIEW: 'Chờ Chủ tịch phê duyệt',
  RETURNED: 'Bị trả lại',
  COMPLETED: 'Hoàn thành',
  WITHDRAWN: 'Đã rút khỏi kế hoạch',
};
export const STATUS_ORDER: TaskStatus[] = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'RETURNED',
  'UNIT_REVIEW',
  'VHXH_REVIEW',
  'CHAIRMAN_REVIEW',
  'COMPLETED',
  'WITHDRAWN',
];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  FIXED: 'Thời hạn cố định',
  PERIOD_END: 'Cuối kỳ (tháng/quý/năm)',
  MILESTONES: 'Nhiều mốc',
  RECURRING: 'Định kỳ',
  CONTINUOUS: 'Thường xuyên',
  ON_REQUEST: 'Theo yêu cầu',
  UNKNOWN: 'Chưa xác định — cần đặt lịch',
};

/** Also names step kinds the server may add before this list knows them (the API's contract grows). */
export const STEP_KIND_LABELS: Record<StepKind, string> & Record<string, string> = {
  SET_LEAD_UNIT: 'Chọn đơn vị chủ trì',
  ASSIGN: 'Phân công',
  DRAFT: 'Soạn dự thảo',
  CONTRIBUTION: 'Góp ý phối hợp',
  UNIT_REVIEW: 'Trưởng đơn vị duyệt',
  VHXH_REVIEW: 'Phòng VH-XH thẩm định',
  CHAIRMAN_REVIEW: 'Chủ tịch phê duyệt',
  SET_SCHEDULE: 'Đặt thời hạn',
  EXTENSION: 'Xét đề nghị gia hạn',
  REPORT_INPUT: 'Lập báo cáo của đơn vị',
  REPORT_DRAFT: 'Tổng hợp, dự thảo báo cáo của xã',
  REPORT_SUBMIT: 'Gửi báo cáo tới Sở Nội vụ',
};
export const STEP_KIND_ORDER: StepKind[] = [
  'SET_LEAD_UNIT',
  'ASSIGN',
  'DRAFT',
  'CONTRIBUTION',
  'UNIT_REVIEW',
  'VHXH_REVIEW',
  'CHAIRMAN_REVIEW',
  'SET_SCHEDULE',
  'EXTENSION',
];

/** How a due date stands, in words (the state itself is the API's `dueState`). */
export const DUE_STATE_LABELS: Record<DueState, string> = {
  ON_TIME: 'Trong hạn',
  DUE_SOON: 'Sắp đến hạn',
  OVERDUE: 'Quá hạn',
  NO_DATE: 'Chưa có hạn',
};

/** The tracker's status words (libs/domain), in the order a filter lists them. */
export const STATUS_WORD_ORDER: StatusWord[] = [
  'NOT_STARTED',
  'IN_PROGRESS_ON_TIME',
  'IN_PROGRESS_LATE',
  'NO_DEADLINE',
  'DONE_ON_TIME',
  'DONE_LATE',
  'MISSED',
  'WITHDRAWN',
];
export const STATUS_WORD_LABELS: Record<StatusWord, string> = STATUS_WORDS;

/** Who a rung of the escalation ladder tells, as the trail says it. */
export const ESCALATION_TARGET_LABELS: Record<EscalationTarget, string> = {
  HOLDER: 'người đang giữ việc',
  UNIT_HEAD: 'lãnh đạo đơn vị',
  COORDINATOR: 'cán bộ đầu mối CCHC',
  CHAIRMAN: 'Chủ tịch UBND xã',
};

/** My last action on a task (GET /inbox/handled), as a past-tense verb. */
export const HANDLED_ACTION_LABELS: Record<string, string> = {
  ASSIGNED: 'Đã phân công',
  REASSIGNED: 'Đã giao lại',
  SUBMITTED: 'Đã trình',
  APPROVED: 'Đã duyệt',
  RETURNED: 'Đã trả lại',
  CONTRIBUTED: 'Đã gửi ý kiến phối hợp',
  SCHEDULE_SET: 'Đã đặt thời hạn',
  LEAD_UNITS_SET: 'Đã chọn đơn vị chủ trì',
  EXTENSION_REQUESTED: 'Đã xin gia hạn',
  EXTENSION_APPROVED: 'Đã đồng ý gia hạn',
  EXTENSION_REJECTED: 'Đã không đồng ý gia hạn',
};

export const ROLE_LABELS: Record<Role, string> = {
  STAFF: 'Chuyên viên',
  UNIT_HEAD: 'Trưởng đơn vị',
  COORDINATOR: 'Cán bộ đầu mối CCHC',
  VICE_CHAIRMAN: 'Phó Chủ tịch UBND xã',
  CHAIRMAN: 'Chủ tịch UBND xã',
  ADMIN: 'Quản trị hệ thống',
};

export const UNIT_CODES: UnitCode[] = ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'];
export const UNIT_NAMES: Record<UnitCode, string> = {
  VP: 'Văn phòng HĐND và UBND xã',
  VHXH: 'Phòng Văn hóa - Xã hội',
  KT: 'Phòng Kinh tế',
  TTPVHCC: 'Trung tâm Phục vụ hành chính công',
  TTDVSNC: 'Trung tâm Dịch vụ sự nghiệp công',
};
export const UNIT_SHORT: Record<UnitCode, string> = {
  VP: 'Văn phòng',
  VHXH: 'Phòng VH-XH',
  KT: 'Phòng Kinh tế',
  TTPVHCC: 'TT Phục vụ HCC',
  TTDVSNC: 'TT Dịch vụ SNC',
};

export function unitName(code: string | null | undefined): string {
  if (!code) return '—';
  return UNIT_NAMES[code as UnitCode] ?? code;
}

/** A unit by its code, or as the server sent it (`{ code, name }`; units are data, the name may be one we do not know). */
export type UnitLike = string | { code: string; name?: string | null } | null | undefined;

function unitLabel(unit: UnitLike): string {
  if (!unit) return '';
  if (typeof unit === 'string') return unitName(unit);
  return unit.name || unitName(unit.code);
}

/**
 * The title of a unit's head as Vietnamese offices write it: "Giám đốc" of a Trung tâm, "Chánh Văn phòng" of the
 * Văn phòng, "Trưởng phòng" of a Phòng; "Trưởng đơn vị" when the unit is not known. Read from the unit's name, so a
 * unit added later gets the right word too.
 */
export function headTitle(unit: UnitLike): string {
  const name = unitLabel(unit);
  if (/^Trung tâm\b/i.test(name)) return 'Giám đốc';
  if (/^Văn phòng\b/i.test(name)) return 'Chánh Văn phòng';
  if (/^Phòng\b/i.test(name)) return 'Trưởng phòng';
  return 'Trưởng đơn vị';
}

/** The head of a unit with the unit: "Trưởng phòng Kinh tế", "Giám đốc Trung tâm Phục vụ hành chính công", "Chánh Văn phòng HĐND và UBND xã". */
export function headOfUnit(unit: UnitLike): string {
  if (!unit) return 'Trưởng đơn vị';
  const name = unitLabel(unit);
  const title = headTitle(unit);
  if (title === 'Trưởng phòng') return `Trưởng phòng ${name.replace(/^Phòng\s+/i, '')}`;
  if (title === 'Chánh Văn phòng') return `Chánh ${name}`;
  if (title === 'Trưởng đơn vị') return `Trưởng đơn vị ${name}`;
  return `${title} ${name}`;
}

/**
 * A person's title for a role: a unit head's depends on the unit ("Giám đốc", "Trưởng phòng", "Chánh Văn phòng");
 * with `withUnit`, the unit is named too ("Trưởng phòng Kinh tế").
 */
export function roleTitle(role: Role | string, unit?: UnitLike, opts: { withUnit?: boolean } = {}): string {
  if (role === 'UNIT_HEAD') return opts.withUnit && unit ? headOfUnit(unit) : unit ? headTitle(unit) : ROLE_LABELS.UNIT_HEAD;
  return ROLE_LABELS[role as Role] ?? role;
}

/** A task's status; waiting for a known unit's head, it names that head's title ("Chờ Giám đốc duyệt"). */
export function statusLabel(status: TaskStatus, unit?: UnitLike): string {
  if (status === 'UNIT_REVIEW' && unit && headTitle(unit) !== 'Trưởng đơn vị') return `Chờ ${headTitle(unit)} duyệt`;
  return STATUS_LABELS[status] ?? status;
}

/** A step's name; a unit head's review names the title of that unit's head ("Giám đốc duyệt"). */
export function stepKindLabel(kind: StepKind, unit?: UnitLike): string {
  if (kind === 'UNIT_REVIEW' && unit) return `${headTitle(unit)} duyệt`;
  return STEP_KIND_LABELS[kind] ?? kind;
}

export const GROUP_CODES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** Choices for a unit or group filter. */
export const UNIT_OPTIONS = UNIT_CODES.map((u) => ({ value: u, label: unitName(u) }));
export const GROUP_OPTIONS = GROUP_CODES.map((g) => ({ value: g, label: `Nhóm ${g}` }));

export const EVENT_LABELS: Record<string, string> = {
  CYCLE_OPENED: 'Mở kỳ thực hiện',
  CYCLE_MISSED: 'Không thực hiện do kích hoạt kế hoạch muộn',
  ASSIGNED: 'Phân công',
  REASSIGNED: 'Giao lại',
  LEAD_UNITS_SET: 'Xác định đơn vị chủ trì',
  DRAFT_SAVED: 'Lưu dự thảo',
  ATTACHMENT_ADDED: 'Đính kèm tệp',
  SUBMITTED: 'Trình duyệt',
  REVIEW_BY_SUBMISSION: 'Lãnh đạo đơn vị trực tiếp trình',
  CONTRIBUTION_REQUESTED: 'Đề nghị phối hợp',
  CONTRIBUTED: 'Gửi ý kiến phối hợp',
  APPROVED: 'Phê duyệt',
  RETURNED: 'Trả lại',
  COMPLETED: 'Hoàn thành',
  SCHEDULE_SET: 'Đặt thời hạn',
  EXTENSION_REQUESTED: 'Đề nghị gia hạn',
  EXTENSION_APPROVED: 'Đồng ý gia hạn',
  EXTENSION_REJECTED: 'Không đồng ý gia hạn',
  REMINDER: 'Nhắc hạn',
  OVERDUE: 'Quá hạn',
  ESCALATED: 'Báo cáo vượt cấp do quá hạn',
  SCHEDULE_AMENDED: 'Điều chỉnh thời hạn theo quyết định',
  WITHDRAWN: 'Rút khỏi kế hoạch',
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? 'Cập nhật';
}

/** `onBehalfOf` may come as a user or as a name. */
export function personName(who: UserRef | string | null | undefined): string | null {
  if (!who) return null;
  return typeof who === 'string' ? who : who.fullName;
}

/**
 * Who holds a step when no person is named, e.g. "Trưởng phòng Kinh tế", "Giám đốc Trung tâm Phục vụ hành chính
 * công": by the step's `holderRole` when the API sends it, else by its kind.
 */
export function holderLabel(
  step: { kind: StepKind; unit: string | null; assignee: UserRef | string | null; holderRole?: Role | null; unitName?: string | null } | null,
): string {
  if (!step) return '—';
  if (step.assignee) return typeof step.assignee === 'string' ? step.assignee : step.assignee.fullName;
  const unit: UnitLike = step.unit ? { code: step.unit, name: step.unitName ?? null } : null;
  switch (step.holderRole) {
    case 'UNIT_HEAD':
      return headOfUnit(unit);
    case 'CHAIRMAN':
    case 'VICE_CHAIRMAN':
      return 'Chủ tịch UBND xã';
    case 'COORDINATOR':
    case 'ADMIN':
      return 'Cán bộ đầu mối CCHC';
    case 'STAFF':
      return `Chuyên viên ${unitLabel(unit) || ''}`.trim();
    default:
      break;
  }
  switch (step.kind) {
    case 'ASSIGN':
    case 'UNIT_REVIEW':
      return headOfUnit(step.unit);
    case 'VHXH_REVIEW':
      return headOfUnit('VHXH');
    case 'CHAIRMAN_REVIEW':
      return 'Chủ tịch UBND xã';
    case 'SET_SCHEDULE':
    case 'SET_LEAD_UNIT':
      return 'Cán bộ đầu mối CCHC';
    case 'EXTENSION':
      return step.unit ? headOfUnit(step.unit) : 'Chủ tịch UBND xã';
    case 'CONTRIBUTION':
    case 'DRAFT':
      return `Chuyên viên ${unitName(step.unit)}`;
    default:
      return '—';
  }
}

/** The unit an event was about (its `data.unit`), which names a unit head's title. */
export function eventUnit(ev: HistoryEvent): string | null {
  const unit = ev.data?.unit;
  return typeof unit === 'string' ? unit : null;
}

/** The actor's title in an event: "Trưởng phòng Kinh tế", "Chủ tịch UBND xã"; null for a system event. */
export function eventRoleTitle(ev: HistoryEvent): string | null {
  return ev.role ? roleTitle(ev.role, eventUnit(ev), { withUnit: true }) : null;
}

export function historyWho(ev: HistoryEvent): string {
  const actor = ev.actor?.fullName ?? 'Hệ thống';
  const title = eventRoleTitle(ev);
  return title ? `${actor} (${title})` : actor;
}
