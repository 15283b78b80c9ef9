import { readFileSync } from 'fs';
import { join } from 'path';
import type { ParsedPlan } from '@app/contracts';
import { diffPlans } from './plan-diff';
import { parsePlan } from './plan-parser';

const SEED = readFileSync(join(__dirname, '../../../../data/seed/ke-hoach-cchc-an-lao-2026.txt'), 'utf8');
const HEADER = 'TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện/ hoàn thành\tSản phẩm';
const plan = (...lines: string[]) => parsePlan(['KẾ HOẠCH', 'Cải cách hành chính xã Thử năm 2027', HEADER, ...lines].join('\n'));
const row = (...cells: string[]) => cells.join('\t');

/** The seed's text with a line replaced, inserted or removed, as an amendment would. */
function amend(edit: (lines: string[]) => void): ParsedPlan {
  const lines = SEED.split('\n');
  edit(lines);
  return parsePlan(lines.join('\n'));
}
const lineOf = (lines: string[], start: string) => lines.findIndex((line) => line.startsWith(start));

describe('diffPlans', () => {
  const seed = parsePlan(SEED);

  it('finds nothing between a plan and itself', () => {
    const diff = diffPlans(seed, seed);
    expect(diff).toMatchObject({ added: [], changed: [], withdrawn: [] });
    expect(diff.unchanged).toHaveLength(32);
    expect(diff.unchanged.every((m) => m.matchedBy === 'number' && m.before.number === m.after.number)).toBe(true);
  });

  it('finds nothing when only the layout and the numbering style changed (numbers per group)', () => {
    const perGroup = parsePlan(
      SEED.split('\n')
        .map((line) => line.replace(/^(\d+)\t/, (_m, n: string) => `${Number(n) - groupStart(Number(n)) + 1}\t`))
        .join('\n'),
    );
    expect(perGroup.tasks[7].displayNumber).toBe('II.2');
    expect(diffPlans(seed, perGroup)).toMatchObject({ added: [], changed: [], withdrawn: [] });
  });

  it('pairs every task by content when one is inserted in the middle and the rest renumbered', () => {
    const revised = amend((lines) => {
      const at = lineOf(lines, '5\t');
      for (let i = at; i < lines.length; i++) lines[i] = lines[i].replace(/^(\d+)\t/, (_m, n: string) => `${Number(n) + 1}\t`);
      lines.splice(at, 0, row('5', 'Tổ chức Hội nghị đối thoại với doanh nghiệp về CCHC', 'Phòng Kinh tế', '', 'Quý II/2026', 'Báo cáo'));
    });
    const diff = diffPlans(seed, revised);
    expect(diff.added.map((t) => [t.number, t.content])).toEqual([[5, 'Tổ chức Hội nghị đối thoại với doanh nghiệp về CCHC']]);
    expect(diff.changed).toEqual([]);
    expect(diff.withdrawn).toEqual([]);
    expect(diff.unchanged).toHaveLength(32);
    const task5 = diff.unchanged.find((m) => m.before.number === 5)!;
    expect([task5.after.number, task5.matchedBy]).toEqual([6, 'content']);
  });

  it('tells which fields of a task changed, by meaning rather than wording', () => {
    const revised = amend((lines) => {
      const t1 = lineOf(lines, '1\t');
      lines[t1] = row('1', 'Ban hành Kế hoạch cải cách hành chính năm 2026', 'Phòng VH-XH', 'Các phòng, ban, ngành', 'Trước 31/01/2026', 'Kế hoạch của UBND xã');
      const t4 = lineOf(lines, '4\t');
      lines[t4] = row('4', 'Ban hành, triển khai thực hiện Kế hoạch tuyên truyền cải cách hành chính nhà nước xã 2026', 'Phòng Kinh tế', 'Các Phòng, ban, ngành', 'Trước 31/3/2026', 'Kế hoạch, Báo cáo');
      const t7 = lineOf(lines, '7\t');
      lines[t7] = lines[t7].replace('Kế hoạch của UBND', 'Kế hoạch và Báo cáo của UBND').replace('Các phòng, ban, ngành', 'Công an xã');
      const t12 = lineOf(lines, '12\t');
      lines[t12] = lines[t12].replace('Thực hiện, hồ sơ số hóa kết quả', 'Thực hiện số hóa hồ sơ, kết quả');
    });
    const diff = diffPlans(seed, revised);
    expect(diff.changed.map((c) => [c.before.number, c.fields])).toEqual([
      [1, ['deadline']],
      [4, ['leadUnits']],
      [7, ['coUnits', 'product']],
      [12, ['content']],
    ]);
    // "Quý I/2026" → "Trước 31/3/2026" is a new wording of the same date; "Phòng VH-XH" the same unit.
    expect(diff.unchanged).toHaveLength(28);
  });

  it('reports withdrawn tasks, and a task rewritten under its number as changed', () => {
    const current = plan(
      'I. Nhóm',
      row('1', 'Ban hành kế hoạch kiểm tra công tác cải cách hành chính', 'Phòng Văn hóa - Xã hội', '', 'Quý I/2027', 'Kế hoạch'),
      row('2', 'Tổ chức hội thi tìm hiểu về cải cách hành chính', 'Phòng Văn hóa - Xã hội', '', 'Quý III/2027', 'Báo cáo'),
      row('3', 'Rà soát thủ tục hành chính nội bộ', 'Trung tâm Phục vụ hành chính công', '', 'Thường xuyên', 'Báo cáo'),
    );
    const revised = plan(
      'I. Nhóm',
      row('1', 'Ban hành kế hoạch kiểm tra công tác cải cách hành chính', 'Phòng Văn hóa - Xã hội', '', 'Quý I/2027', 'Kế hoạch'),
      row('2', 'Xây dựng video tuyên truyền', 'Phòng Văn hóa - Xã hội', '', 'Quý III/2027', 'Video'),
    );
    const diff = diffPlans(current, revised);
    expect(diff.changed.map((c) => [c.before.number, c.after.number, c.matchedBy, c.fields])).toEqual([
      [2, 2, 'number', ['content', 'product']],
    ]);
    expect(diff.withdrawn.map((t) => t.number)).toEqual([3]);
    expect(diff.added).toEqual([]);
  });

  it('does not pair a new task with an old one that has nothing in common with it', () => {
    const current = plan('I. Nhóm', row('1', 'Rà soát văn bản quy phạm pháp luật', 'Văn phòng', '', 'Quý I/2027', 'Báo cáo'));
    const revised = plan('I. Nhóm', row('1', 'Số hóa hồ sơ thủ tục hành chính', 'Trung tâm Phục vụ hành chính công', '', 'Thường xuyên', 'Dữ liệu'));
    expect(diffPlans(current, revised)).toMatchObject({
      added: [{ number: 1, content: 'Số hóa hồ sơ thủ tục hành chính' }],
      withdrawn: [{ number: 1, content: 'Rà soát văn bản quy phạm pháp luật' }],
      changed: [],
    });
  });

  it('moves a task to another group as a change of group', () => {
    const current = plan('I. Một', row('1', 'Việc chung', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'), 'II. Hai', row('2', 'Việc khác hẳn', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'));
    const revised = plan('I. Một', row('1', 'Việc khác hẳn', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'), 'II. Hai', row('2', 'Việc chung', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'));
    const diff = diffPlans(current, revised);
    expect(diff.changed.map((c) => [c.before.number, c.after.number, c.matchedBy, c.fields])).toEqual([
      [2, 1, 'content', ['group']],
      [1, 2, 'content', ['group']],
    ]);
  });
});

/** First task number of the seed's group holding task n (groups start at 1, 7, 12, 19, 23, 25, 27). */
function groupStart(n: number): number {
  return [27, 25, 23, 19, 12, 7, 1].find((start) => n >= start)!;
}
