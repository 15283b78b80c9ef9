import { AN_LAO_UNITS, parsePlan } from '@app/domain';
import { formatPlanPreview } from './plan-preview';

const HEADER = 'TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện/ hoàn thành\tSản phẩm';
const preview = (...rows: string[]) =>
  formatPlanPreview(parsePlan(['KẾ HOẠCH', 'Cải cách hành chính xã Thử năm 2027', HEADER, ...rows].join('\n')), {
    source: 'thu.txt — văn bản',
    units: AN_LAO_UNITS,
  }).split('\n');

describe('formatPlanPreview', () => {
  it('shows per-group numbers, how each deadline was read, and empty groups', () => {
    const lines = preview(
      'I. Một',
      '1\tBáo cáo tháng\tVăn phòng\tPhòng Kinh tế, Phòng VH-XH\tHằng tháng\tBáo cáo',
      '2\tViệc hai\tPhòng Kinh tế\t\tQuý III,IV\tBáo cáo',
      'II. Hai',
      '1\tViệc ba\tPhòng Kinh tế\t\tThường xuyên\tBáo cáo',
      'III. Ba',
    );
    expect(lines[1]).toBe('Năm 2027 · số quyết định: chưa có · 3 nhóm · 3 nhiệm vụ (đánh số lại trong từng nhóm) · 1 cảnh báo');
    expect(lines.filter((line) => /^ {2}(I|II)\.\d/.test(line)).map((line) => line.trim().replace(/ {2,}/g, ' | '))).toEqual([
      'I.1 | Báo cáo tháng | VP | VHXH, KT | Hằng tháng | định kỳ 12 lần: 31/01/2027 … 31/12/2027',
      'I.2 | Việc hai | KT | — | Quý III,IV | các mốc 30/09, 31/12/2027',
      'II.1 | Việc ba | KT | — | Thường xuyên | thường xuyên, báo cáo mỗi quý',
    ]);
    expect(lines.slice(-8)).toEqual([
      'III. Ba',
      '  (không có nhiệm vụ)',
      '',
      'Cảnh báo về văn bản:',
      '  ⚠ Nhóm III ("Ba") không có nhiệm vụ nào. [EMPTY_GROUP]',
      '',
      'Ký hiệu: [..] cơ quan ngoài xã · ?.. đơn vị chưa có trong danh mục · ⚠ cần xem lại.',
      '',
    ]);
  });

  it('lists tasks outside any group, and the warnings about the document, which name their line', () => {
    const lines = preview('1\tViệc một\tPhòng Kinh tế\t\tQuý I\tBáo cáo', 'Trang 2', 'I. Một', '2\tViệc hai\tPhòng Kinh tế\t\tQuý II\tBáo cáo');
    expect(lines).toContain('(Không thuộc nhóm nào)');
    expect(lines).toContain(
      '  ⚠ Dòng 5 ("Trang 2") trong bảng nhiệm vụ không đúng định dạng nên đã bị bỏ qua. [IGNORED_LINE]',
    );
  });
});
