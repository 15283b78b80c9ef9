import type { ParsedPlan, ParsedTask } from '@app/contracts';
import { AN_LAO_UNITS } from '@app/domain';
import {
  REPORT_TASK_STATUS_LABELS,
  signedByChairman,
  taskTotals,
  type IsoDate,
  type ReportDocument,
  type ReportIndicator,
  type ReportParagraph,
  type ReportTask,
  type ReportTaskStatus,
} from '../report-document';
import { formatNumber, shortDate } from '../vietnamese-format';

/**
 * A realistic Q4 2026 report of xã An Lão, built on the seed plan (all 32 tasks, read by the plan parser so the
 * appendix shows the plan's own wording). Statuses, dates and figures are sample data as of 07/12/2026: the
 * report workflow will fill the same structure from the read model. Document numbers quoted in products are
 * invented for the sample.
 */

const REPORT_DATE: IsoDate = '2026-12-08';
const DATA_AS_OF: IsoDate = '2026-12-07';
const QUARTER_START: IsoDate = '2026-10-01';

interface TaskState {
  status: ReportTaskStatus;
  completedOn?: IsoDate;
  /** A date the coordinator entered for an on-request task. */
  enteredDueDate?: IsoDate;
  /** What was actually produced; the plan's planned product otherwise. */
  product?: string;
  note: string;
}

const TASK_STATES: Record<number, TaskState> = {
  1: { status: 'DONE_ON_TIME', completedOn: '2026-01-12', product: 'Kế hoạch số 05/KH-UBND ngày 12/01/2026', note: 'Đã triển khai đến các phòng, ban, ngành' },
  2: { status: 'DONE_ON_TIME', enteredDueDate: '2026-01-20', completedOn: '2026-01-19', product: 'Báo cáo số 09/BC-UBND ngày 19/01/2026', note: 'Sở Nội vụ đề nghị gửi trước ngày 20/01/2026' },
  3: { status: 'IN_PROGRESS', note: 'Báo cáo Quý I, 6 tháng, Quý III gửi đúng hạn; báo cáo Quý IV đang trình ký' },
  4: { status: 'DONE_LATE', completedOn: '2026-04-06', product: 'Kế hoạch số 41/KH-UBND ngày 06/4/2026', note: 'Chậm 06 ngày do chờ hướng dẫn của thành phố' },
  5: { status: 'DONE_ON_TIME', completedOn: '2026-10-27', product: '06 chuyên đề phát thanh về cải cách hành chính', note: 'Phát trên hệ thống truyền thanh cơ sở' },
  6: { status: 'IN_PROGRESS', note: 'Đã tham gia vòng 1 (Quý III); chờ thành phố tổ chức vòng 2' },
  7: { status: 'DONE_ON_TIME', completedOn: '2026-02-10', product: 'Kế hoạch số 18/KH-UBND ngày 10/02/2026', note: 'Đã ban hành và triển khai' },
  8: { status: 'IN_PROGRESS', note: 'Đã rà soát 14 văn bản; chưa có văn bản hết hiệu lực cần công bố' },
  9: { status: 'NOT_STARTED', note: 'Chưa phát sinh văn bản cần bãi bỏ' },
  10: { status: 'DONE_ON_TIME', completedOn: '2026-02-25', product: 'Kế hoạch số 24/KH-UBND ngày 25/02/2026', note: 'Đang theo dõi theo kế hoạch' },
  11: { status: 'IN_PROGRESS', note: 'Đã lập danh mục; đang rà soát lĩnh vực đất đai, xây dựng' },
  12: { status: 'IN_PROGRESS', note: '96,5% hồ sơ có kết quả được số hóa' },
  13: { status: 'IN_PROGRESS', note: 'Đã rà soát 12 thủ tục, đề xuất đơn giản hóa 03 thủ tục' },
  14: { status: 'IN_PROGRESS', note: 'Công khai đủ thủ tục theo quyết định công bố của thành phố' },
  15: { status: 'IN_PROGRESS', note: 'Cập nhật kịp thời trên Cổng thông tin điện tử xã' },
  16: { status: 'IN_PROGRESS_OVERDUE', note: 'Chậm tích hợp dữ liệu nghĩa vụ tài chính lĩnh vực đất đai; báo cáo quý gửi sau ngày 05/12/2026' },
  17: { status: 'IN_PROGRESS', note: 'Báo cáo hằng tháng gửi đúng hạn' },
  18: { status: 'IN_PROGRESS', note: 'Đã kết nối Cơ sở dữ liệu quốc gia về dân cư; còn 02 cơ sở dữ liệu chuyên ngành' },
  19: { status: 'IN_PROGRESS', note: 'Đã có dự thảo của 04/05 cơ quan, đơn vị' },
  20: { status: 'IN_PROGRESS', note: 'Chờ hướng dẫn của Trung ương' },
  21: { status: 'DONE_LATE', enteredDueDate: '2026-07-15', completedOn: '2026-07-22', product: 'Báo cáo số 112/BC-UBND ngày 22/7/2026', note: 'Chậm 07 ngày so với đề nghị của thành phố' },
  22: { status: 'IN_PROGRESS', note: 'Thực hiện theo lộ trình tinh giản biên chế' },
  23: { status: 'IN_PROGRESS', note: 'Bố trí công chức theo vị trí việc làm được phê duyệt' },
  24: { status: 'IN_PROGRESS', note: 'Kế hoạch số 30/KH-UBND ngày 05/3/2026; trong quý cử 23 lượt đi bồi dưỡng' },
  25: { status: 'IN_PROGRESS', note: 'Các đơn vị thực hiện tự chủ theo lộ trình' },
  26: { status: 'IN_PROGRESS', note: 'Đang xây dựng phương án tự chủ năm 2027' },
  27: { status: 'IN_PROGRESS', note: 'Đã thực hiện 85% nhiệm vụ của Kế hoạch chuyển đổi số' },
  28: { status: 'NOT_DONE_LATE_ACTIVATION', note: 'Kích hoạt trên hệ thống ngày 20/11/2026; chuyển sang Kế hoạch năm 2027' },
  29: { status: 'IN_PROGRESS', note: 'Đạt 52,3% tổng số giao dịch thanh toán' },
  30: { status: 'IN_PROGRESS', note: 'Tái sử dụng kết quả trong 1.120 hồ sơ' },
  31: { status: 'IN_PROGRESS', note: 'Đã đánh giá nội bộ tại 05/05 cơ quan' },
  32: { status: 'IN_PROGRESS', note: 'Duy trì mô hình tại 100% thôn' },
};

/**
 * The due date that applies to the Q4 report: one the coordinator entered, else the first of the plan's dates
 * falling in or after the quarter, else the last one (a task due earlier in the year); none for continuous tasks.
 */
function dueDateForQuarter(task: ParsedTask, state: TaskState): IsoDate | null {
  if (state.enteredDueDate) return state.enteredDueDate;
  const dates = task.deadline.dueDates;
  return dates.find((d) => d >= QUARTER_START) ?? dates[dates.length - 1] ?? null;
}

/** One lead unit gets its proper name; a cell naming several units is kept as the plan wrote it. */
function leadUnitName(task: ParsedTask): string {
  return task.leadUnits.length === 1 ? (AN_LAO_UNITS.find((u) => u.code === task.leadUnits[0])?.name ?? task.leadUnits[0]) : task.leadUnitsText;
}

function reportTask(task: ParsedTask): ReportTask {
  const state = TASK_STATES[task.number];
  if (!state) throw new Error(`The sample has no state for task ${task.number}`);
  return {
    number: task.number,
    content: task.content,
    leadUnit: leadUnitName(task),
    deadlineText: task.deadline.raw,
    dueDate: dueDateForQuarter(task, state),
    status: state.status,
    completedOn: state.completedOn ?? null,
    product: state.product ?? task.product,
    progressNote: state.note,
  };
}

const p = (text: string): ReportParagraph => ({ kind: 'paragraph', text });

/** "03" — counts in running text take a leading zero below 10, as the commune writes them. */
const count = (n: number) => String(n).padStart(2, '0');

const numbersWith = (tasks: ReportTask[], status: ReportTaskStatus) =>
  tasks.filter((t) => t.status === status).map((t) => `số ${t.number}`);

function joinVietnamese(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** Indicator a) of plan section II.1, measured on the tasks already due: how many were finished on time. */
function dueTasksOnTimeRate(tasks: ReportTask[]): number {
  const due = tasks.filter((t) => t.dueDate !== null && t.dueDate <= DATA_AS_OF && t.status !== 'NOT_DONE_LATE_ACTIVATION');
  return due.length === 0 ? 100 : Math.round((1000 * due.filter((t) => t.status === 'DONE_ON_TIME').length) / due.length) / 10;
}

export function anLaoQ4Report(plan: ParsedPlan): ReportDocument {
  const groups = plan.groups.map((g) => ({
    code: g.code,
    title: g.title,
    tasks: plan.tasks.filter((t) => t.group === g.code).map(reportTask),
  }));
  const tasks = groups.flatMap((g) => g.tasks);
  const totals = taskTotals(tasks);
  const late = numbersWith(tasks, 'DONE_LATE');
  const overdue = numbersWith(tasks, 'IN_PROGRESS_OVERDUE');

  const indicators: ReportIndicator[] = [
    {
      name: 'Nhiệm vụ của Kế hoạch cải cách hành chính năm 2026 đã đến hạn được hoàn thành đúng tiến độ',
      target: { comparison: 'exactly', value: 100 },
      value: dueTasksOnTimeRate(tasks),
      unit: '%',
      sourceUnit: 'Phòng Văn hóa - Xã hội',
      note: 'Tính trên các nhiệm vụ có hạn đến ngày báo cáo (Phụ lục I)',
    },
    {
      name: 'Nhiệm vụ được UBND thành phố, Chủ tịch UBND thành phố giao hoàn thành bảo đảm tiến độ, chất lượng',
      target: { comparison: 'exactly', value: 100 },
      value: 100,
      unit: '%',
      sourceUnit: 'Văn phòng HĐND và UBND xã',
      note: '18/18 nhiệm vụ',
    },
    {
      name: 'Thu ngân sách nhà nước trên địa bàn so với dự toán thành phố giao',
      target: { comparison: 'moreThan', value: 100 },
      value: 108.6,
      unit: '%',
      sourceUnit: 'Phòng Kinh tế',
    },
    {
      name: 'Giải ngân vốn đầu tư công so với kế hoạch',
      target: { comparison: 'atLeast', value: 90 },
      value: 86.4,
      unit: '%',
      sourceUnit: 'Phòng Kinh tế',
      note: 'Phấn đấu đạt trên 90% trước ngày 31/01/2027',
    },
    {
      name: 'Hồ sơ thủ tục hành chính được theo dõi trạng thái xử lý trên Hệ thống thông tin giải quyết thủ tục hành chính của thành phố',
      target: { comparison: 'exactly', value: 100 },
      value: 100,
      unit: '%',
      sourceUnit: 'Trung tâm Phục vụ hành chính công',
    },
    {
      name: 'Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính',
      target: { comparison: 'atLeast', value: 90 },
      value: 96.8,
      unit: '%',
      sourceUnit: 'Trung tâm Phục vụ hành chính công',
      note: 'Đánh giá trên Cổng Dịch vụ công quốc gia',
    },
    {
      name: 'Hồ sơ thủ tục hành chính giải quyết đúng hạn',
      target: null,
      value: 99.2,
      unit: '%',
      sourceUnit: 'Trung tâm Phục vụ hành chính công',
      note: 'Kế hoạch yêu cầu hạn chế tối đa hồ sơ quá hạn; 1.231/1.241 hồ sơ',
    },
    {
      name: 'Giao dịch thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán',
      target: null,
      value: 52.3,
      unit: '%',
      sourceUnit: 'Trung tâm Phục vụ hành chính công',
      note: 'Nhiệm vụ số 29; 412/788 giao dịch',
    },
    {
      name: 'Hồ sơ có kết quả giải quyết thủ tục hành chính được số hóa',
      target: null,
      value: 96.5,
      unit: '%',
      sourceUnit: 'Trung tâm Phục vụ hành chính công',
      note: 'Nhiệm vụ số 12; 1.198/1.241 hồ sơ',
    },
  ];

  const period = 'Quý IV năm 2026';
  const planDecision = plan.decisionNumber ? `Quyết định số ${plan.decisionNumber}` : 'Quyết định';

  return {
    issuer: { nameLines: ['ỦY BAN NHÂN DÂN', 'XÃ AN LÃO'], name: 'Ủy ban nhân dân xã An Lão' },
    place: 'An Lão',
    number: 287,
    symbol: 'BC-UBND',
    date: { kind: 'dated', on: REPORT_DATE },
    title: 'BÁO CÁO',
    summary: `Kết quả thực hiện công tác cải cách hành chính ${period}`,
    legalBases: [
      'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
      'Căn cứ Quyết định số 5256/QĐ-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố ban hành Kế hoạch Cải cách hành chính nhà nước thành phố Hải Phòng năm 2026;',
      `Căn cứ ${planDecision} của Chủ tịch Ủy ban nhân dân xã ban hành Kế hoạch Cải cách hành chính nhà nước xã An Lão năm 2026.`,
    ],
    introduction: `Ủy ban nhân dân xã An Lão báo cáo kết quả thực hiện công tác cải cách hành chính ${period} như sau:`,
    sections: [
      {
        title: 'Công tác chỉ đạo, điều hành cải cách hành chính',
        content: [],
        subsections: [
          {
            title: 'Ban hành kế hoạch và văn bản chỉ đạo',
            content: [
              p('Trong Quý IV, Ủy ban nhân dân xã tiếp tục chỉ đạo các phòng, ban, ngành triển khai các nhiệm vụ của Kế hoạch cải cách hành chính năm 2026 theo đúng lộ trình; ban hành 04 văn bản chỉ đạo, đôn đốc, tập trung vào giải quyết thủ tục hành chính, số hóa hồ sơ và thanh toán trực tuyến.'),
              p(
                `Tính đến ngày ${shortDate(DATA_AS_OF)}, trong tổng số ${count(totals.total)} nhiệm vụ của Kế hoạch: hoàn thành đúng hạn ${count(totals.doneOnTime)} nhiệm vụ; hoàn thành quá hạn ${count(totals.doneLate)} nhiệm vụ; đang thực hiện, chưa thực hiện ${count(totals.open)} nhiệm vụ (trong đó quá hạn ${count(totals.openOverdue)} nhiệm vụ); không thực hiện do kích hoạt muộn ${count(totals.notCounted)} nhiệm vụ (chi tiết tại Phụ lục I).`,
              ),
            ],
          },
          {
            title: 'Công tác kiểm tra',
            content: [
              p('Ủy ban nhân dân xã tự kiểm tra công tác cải cách hành chính tại 05/05 phòng, ban, đơn vị (đạt 100%). Qua kiểm tra đã chấn chỉnh việc cập nhật trạng thái hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính và việc lưu trữ hồ sơ điện tử.'),
            ],
          },
          {
            title: 'Công tác tuyên truyền',
            content: [
              p('Phòng Văn hóa - Xã hội phối hợp với Trung tâm Dịch vụ sự nghiệp công xây dựng 06 chuyên đề phát thanh về cải cách hành chính trên hệ thống truyền thanh cơ sở; đăng 12 tin, bài trên Cổng thông tin điện tử và trang Zalo của xã. Cán bộ, công chức, viên chức của xã tham gia vòng 1 Hội thi trực tuyến tìm hiểu công tác cải cách hành chính do thành phố tổ chức với 68 lượt dự thi.'),
            ],
          },
        ],
      },
      {
        title: 'Kết quả thực hiện các nhiệm vụ cải cách hành chính',
        content: [],
        subsections: [
          {
            title: 'Cải cách thể chế',
            content: [
              p('Văn phòng HĐND và UBND xã triển khai Kế hoạch kiểm tra, rà soát văn bản quy phạm pháp luật năm 2026; trong quý đã rà soát 14 văn bản do Hội đồng nhân dân, Ủy ban nhân dân xã ban hành, không phát hiện văn bản trái pháp luật, chưa phát sinh văn bản cần bãi bỏ. Kế hoạch theo dõi tình hình thi hành pháp luật năm 2026 được thực hiện đúng tiến độ.'),
            ],
          },
          {
            title: 'Cải cách thủ tục hành chính',
            content: [
              p('Trung tâm Phục vụ hành chính công xã tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo cơ chế một cửa, một cửa liên thông; 100% hồ sơ được theo dõi trạng thái xử lý trên Hệ thống thông tin giải quyết thủ tục hành chính của thành phố. Kết quả trong quý như sau:'),
              {
                kind: 'table',
                columns: [
                  { header: 'Nội dung', weight: 6, align: 'left' },
                  { header: 'Số lượng', weight: 2, align: 'center' },
                  { header: 'Tỷ lệ (%)', weight: 2, align: 'center' },
                ],
                rows: [
                  ['Hồ sơ tiếp nhận', '1.284', ''],
                  ['Trong đó: tiếp nhận trực tuyến', '1.046', formatNumber((1046 / 1284) * 100)],
                  ['Hồ sơ đã giải quyết', '1.241', ''],
                  ['Trong đó: giải quyết đúng hạn', '1.231', formatNumber((1231 / 1241) * 100)],
                  ['Giải quyết quá hạn', '10', formatNumber((10 / 1241) * 100)],
                  ['Hồ sơ đang giải quyết', '43', ''],
                  ['Giao dịch thanh toán trực tuyến / tổng số giao dịch thanh toán', '412/788', formatNumber((412 / 788) * 100)],
                  ['Hồ sơ có kết quả giải quyết được số hóa', '1.198/1.241', formatNumber((1198 / 1241) * 100)],
                ],
              },
              p('Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính qua đánh giá trên Cổng Dịch vụ công quốc gia đạt 96,8%. 10 hồ sơ quá hạn thuộc lĩnh vực đất đai; Trung tâm đã gửi văn bản xin lỗi người dân theo quy định.'),
            ],
          },
          {
            title: 'Cải cách tổ chức bộ máy',
            content: [
              p('Các phòng, ban, đơn vị đang hoàn thiện dự thảo quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức, dự kiến trình Ủy ban nhân dân xã ban hành trước ngày 31/12/2026. Báo cáo đề xuất giao biên chế năm 2027 đã gửi thành phố ngày 22/7/2026, chậm 07 ngày so với thời hạn đề nghị.'),
            ],
          },
          {
            title: 'Cải cách chế độ công vụ',
            content: [
              p('Tiếp tục bố trí công chức theo vị trí việc làm được phê duyệt; cử 23 lượt cán bộ, công chức tham gia các lớp bồi dưỡng chuyên môn, kỹ năng số do thành phố tổ chức. Duy trì kiểm tra kỷ luật, kỷ cương hành chính; trong quý không có cán bộ, công chức vi phạm.'),
            ],
          },
          {
            title: 'Cải cách tài chính công',
            content: [
              p('Thu ngân sách nhà nước trên địa bàn đến ngày 07/12/2026 đạt 108,6% dự toán thành phố giao; giải ngân vốn đầu tư công đạt 86,4% kế hoạch, phấn đấu đạt trên 90% trước ngày 31/01/2027. Các đơn vị sự nghiệp công lập thực hiện cơ chế tự chủ theo lộ trình.'),
            ],
          },
          {
            title: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
            content: [
              p('Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia đạt 52,3% tổng số giao dịch thanh toán; 96,5% hồ sơ có kết quả giải quyết được số hóa và lưu trong Kho quản lý dữ liệu điện tử. Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 được duy trì tại các cơ quan.'),
              p('Nhiệm vụ ứng dụng AI vào xử lý quy trình nghiệp vụ, văn bản (nhiệm vụ số 28) được kích hoạt muộn trên hệ thống theo dõi nên không thực hiện trong năm 2026 và được chuyển sang Kế hoạch năm 2027.'),
            ],
          },
        ],
      },
      {
        title: 'Đánh giá chung',
        content: [],
        subsections: [
          {
            title: 'Ưu điểm',
            content: [
              p('Công tác cải cách hành chính được lãnh đạo xã quan tâm chỉ đạo thường xuyên; các nhiệm vụ có thời hạn trong quý cơ bản hoàn thành; chất lượng giải quyết thủ tục hành chính được duy trì, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,2%, mức độ hài lòng của người dân đạt 96,8%.'),
            ],
          },
          {
            title: 'Tồn tại, hạn chế',
            content: [
              p(`- Còn ${count(late.length)} nhiệm vụ hoàn thành quá hạn (nhiệm vụ ${joinVietnamese(late)}) và ${count(overdue.length)} nhiệm vụ ${REPORT_TASK_STATUS_LABELS.IN_PROGRESS_OVERDUE.toLocaleLowerCase('vi')} (nhiệm vụ ${joinVietnamese(overdue)}).`),
              p('- Tỷ lệ giải ngân vốn đầu tư công chưa đạt chỉ tiêu 90%; tỷ lệ thanh toán trực tuyến còn thấp.'),
            ],
          },
          {
            title: 'Nguyên nhân',
            content: [
              p('- Một số nhiệm vụ phát sinh theo yêu cầu của cấp trên có thời hạn ngắn, trùng thời điểm sắp xếp tổ chức bộ máy.'),
              p('- Người dân ở khu vực nông thôn còn quen nộp hồ sơ và thanh toán trực tiếp.'),
              p('- Kết nối giữa Hệ thống thông tin giải quyết thủ tục hành chính của thành phố và Cổng Dịch vụ công quốc gia có thời điểm bị gián đoạn.'),
            ],
          },
        ],
      },
      {
        title: 'Nhiệm vụ trọng tâm Quý I năm 2027',
        content: [
          p('- Tổng kết công tác cải cách hành chính năm 2026; ban hành Kế hoạch cải cách hành chính năm 2027 trước ngày 15/01/2027.'),
          p('- Hoàn thành các nhiệm vụ còn lại của Kế hoạch năm 2026: ban hành quy định chức năng, nhiệm vụ của các cơ quan chuyên môn; hoàn thành tích hợp dữ liệu nghĩa vụ tài chính với Cổng Dịch vụ công quốc gia.'),
          p('- Nâng tỷ lệ thanh toán trực tuyến và số hóa kết quả giải quyết thủ tục hành chính; duy trì tỷ lệ hồ sơ giải quyết đúng hạn trên 99%.'),
          p('- Xây dựng Báo cáo tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026 theo hướng dẫn của Sở Nội vụ.'),
        ],
      },
      {
        title: 'Đề xuất, kiến nghị',
        content: [
          p('Đề nghị Sở Nội vụ tiếp tục tổ chức tập huấn nghiệp vụ cải cách hành chính cho công chức cấp xã; phối hợp với các cơ quan liên quan khắc phục tình trạng gián đoạn kết nối giữa Hệ thống thông tin giải quyết thủ tục hành chính của thành phố và Cổng Dịch vụ công quốc gia.'),
        ],
      },
    ],
    closing: `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${period} của Ủy ban nhân dân xã An Lão`,
    signature: signedByChairman('Đinh Thành Đồng'),
    recipients: [
      'Sở Nội vụ thành phố (để báo cáo)',
      'TT Đảng ủy, TT HĐND xã',
      'CT, các PCT UBND xã',
      'Các phòng, ban, ngành thuộc UBND xã',
      'Cổng thông tin điện tử xã',
    ],
    archive: ['VT', 'VHXH'],
    appendix: {
      tasksTitle: 'Kết quả thực hiện nhiệm vụ của Kế hoạch cải cách hành chính năm 2026',
      indicatorsTitle: 'Kết quả thực hiện các chỉ tiêu cải cách hành chính năm 2026',
      dataAsOf: DATA_AS_OF,
      groups,
      indicators,
    },
  };
}
