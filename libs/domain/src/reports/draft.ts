/**
 * The commune's report as the coordinator first sees it: the usual outline (I. chỉ đạo, điều hành; II. results per
 * reform area; III. đánh giá chung; IV. nhiệm vụ trọng tâm of the next quarter; V. đề xuất, kiến nghị), each
 * section filled from the aggregated content. The plan's group I (chỉ đạo điều hành, kiểm tra, tuyên truyền) feeds
 * section I; groups II–VII, the six reform areas, are the subsections of section II. Everything stays editable;
 * figures and the task table also go to the appendix, generated from the content itself.
 */
import type { ReportContent, ReportDraftContent, ReportDraftSection, ReportTaskLine, UnitInputContent } from '@app/contracts';
import { nextPeriodText } from './period';

/** The keys of the outline's sections, in order (the document builder and the web know them by these). */
export const DRAFT_SECTION_KEYS = ['direction', 'results', 'assessment', 'nextTasks', 'proposals'] as const;

const two = (n: number) => String(n).padStart(2, '0');
/** dd/mm/yyyy. */
export const shortVnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const rate = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');

function joinVietnamese(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** "- Nhiệm vụ số 7 (Ban hành …): Hoàn thành đúng hạn ngày 10/02/2026. Đã ban hành và triển khai." */
function taskLine(t: ReportTaskLine): string {
  const when = t.completedOn ? ` ngày ${shortVnDate(t.completedOn)}` : t.dueAt && t.statusWord.key === 'IN_PROGRESS_LATE' ? ` (hạn ${shortVnDate(t.dueAt)})` : '';
  const progress = t.progressNote.trim() ? ` ${t.progressNote.trim().replace(/[.;]?$/, '.')}` : '';
  return `- Nhiệm vụ số ${t.number} (${t.content.replace(/^[-–\s]+/, '').replace(/[.;]\s*$/, '')}): ${t.statusWord.text}${when}.${progress}`;
}

/** The TTHC figures in one sentence, when the centre sent them. */
function serviceSentence(figures: UnitInputContent['figures'] | undefined): string | null {
  if (!figures) return null;
  const f = (k: string) => (typeof figures[k] === 'number' ? (figures[k] as number) : null);
  const received = f('dossiersReceived');
  const resolved = f('dossiersResolved');
  if (received === null && resolved === null) return null;
  const parts: string[] = [];
  if (received !== null) {
    const online = f('dossiersReceivedOnline');
    parts.push(`tiếp nhận ${grouped(received)} hồ sơ thủ tục hành chính${online !== null && received > 0 ? ` (trực tuyến ${grouped(online)} hồ sơ, đạt ${rate((100 * online) / received)}%)` : ''}`);
  }
  if (resolved !== null) {
    const onTime = f('dossiersOnTime');
    const late = f('dossiersLate');
    parts.push(
      `giải quyết ${grouped(resolved)} hồ sơ${onTime !== null && resolved > 0 ? `, trong đó đúng hạn ${grouped(onTime)} hồ sơ (${rate((100 * onTime) / resolved)}%)` : ''}${late !== null ? `, quá hạn ${grouped(late)} hồ sơ` : ''}`,
    );
  }
  const satisfaction = f('satisfactionPercent');
  const tail = satisfaction !== null ? ` Mức độ hài lòng của người dân, doanh nghiệp đạt ${rate(satisfaction)}%.` : '';
  return `Trong kỳ, Trung tâm Phục vụ hành chính công ${parts.join('; ')}.${tail}`;
}

export function prefilledDraft(content: ReportContent): ReportDraftContent {
  const { totals } = content;
  const approved = new Map(content.unitInputs.filter((u) => u.status === 'APPROVED' && u.content).map((u) => [u.unit, u]));
  const lines = content.groups.flatMap((g) => g.tasks);
  const groupI = content.groups.find((g) => g.code === 'I');

  const direction: string[] = [
    `Trong ${content.periodText}, Ủy ban nhân dân xã tiếp tục chỉ đạo các cơ quan, đơn vị triển khai các nhiệm vụ của Kế hoạch cải cách hành chính năm ${content.year} theo đúng lộ trình.`,
    `Tính đến ngày ${shortVnDate(content.asOf)}, trong tổng số ${two(totals.total)} nhiệm vụ của Kế hoạch: hoàn thành đúng hạn ${two(totals.doneOnTime)} nhiệm vụ; hoàn thành quá hạn ${two(totals.doneLate)} nhiệm vụ; đang thực hiện, chưa thực hiện ${two(totals.open)} nhiệm vụ (trong đó quá hạn ${two(totals.openOverdue)} nhiệm vụ)${totals.notCounted ? `; không thực hiện do kích hoạt muộn ${two(totals.notCounted)} nhiệm vụ` : ''} (chi tiết tại Phụ lục I).`,
    ...(groupI?.tasks.map(taskLine) ?? []),
    ...[...approved.values()].filter((u) => u.content!.narrative.trim()).map((u) => `- ${u.unitName}: ${u.content!.narrative.trim()}`),
  ];

  const results: ReportDraftSection['subsections'] = content.groups
    .filter((g) => g.code !== 'I')
    .map((g) => {
      const text = g.tasks.map(taskLine);
      if (g.code === 'III') {
        const sentence = serviceSentence(approved.get('TTPVHCC')?.content?.figures);
        if (sentence) text.unshift(sentence);
      }
      return { key: `group-${g.code}`, title: g.title, text: text.join('\n') };
    });

  const late = lines.filter((l) => l.statusWord.key === 'DONE_LATE').map((l) => `số ${l.number}`);
  const overdue = lines.filter((l) => l.statusWord.key === 'IN_PROGRESS_LATE').map((l) => `số ${l.number}`);
  const metIndicators = content.indicators.filter((i) => i.met === true).map((i) => i.name.charAt(0).toLocaleLowerCase('vi') + i.name.slice(1));
  const unmet = content.indicators.filter((i) => i.met === false).map((i) => i.name.charAt(0).toLocaleLowerCase('vi') + i.name.slice(1));
  const strengths = [
    `Công tác cải cách hành chính được lãnh đạo xã quan tâm chỉ đạo thường xuyên; ${two(totals.doneOnTime)} nhiệm vụ hoàn thành đúng hạn.`,
    ...(metIndicators.length ? [`Đạt chỉ tiêu: ${joinVietnamese(metIndicators)}.`] : []),
  ];
  const weaknesses = [
    ...(late.length ? [`- Còn ${two(late.length)} nhiệm vụ hoàn thành quá hạn (nhiệm vụ ${joinVietnamese(late)}).`] : []),
    ...(overdue.length ? [`- Còn ${two(overdue.length)} nhiệm vụ đang thực hiện quá hạn (nhiệm vụ ${joinVietnamese(overdue)}).`] : []),
    ...(unmet.length ? [`- Chưa đạt chỉ tiêu: ${joinVietnamese(unmet)}.`] : []),
  ];
  const causes = lines
    .filter((l) => (l.statusWord.key === 'DONE_LATE' || l.statusWord.key === 'IN_PROGRESS_LATE') && l.progressNote.trim())
    .map((l) => `- Nhiệm vụ số ${l.number}: ${l.progressNote.trim().replace(/[.;]?$/, '.')}`);

  const next = content.remaining.map(
    (r) => `- ${r.statusWord.key === 'IN_PROGRESS_LATE' ? 'Khẩn trương hoàn thành' : 'Tiếp tục thực hiện'} nhiệm vụ số ${r.number}: ${r.content.replace(/^[-–\s]+/, '').replace(/[.;]\s*$/, '')}${r.dueAt && r.statusWord.key === 'IN_PROGRESS_LATE' ? ` (quá hạn từ ngày ${shortVnDate(r.dueAt)})` : ''}.`,
  );

  return {
    sections: [
      { key: 'direction', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', text: direction.join('\n') },
      { key: 'results', title: 'Kết quả thực hiện các nhiệm vụ cải cách hành chính', text: '', subsections: results },
      {
        key: 'assessment',
        title: 'Đánh giá chung',
        text: '',
        subsections: [
          { key: 'strengths', title: 'Ưu điểm', text: strengths.join('\n') },
          { key: 'weaknesses', title: 'Tồn tại, hạn chế', text: weaknesses.join('\n') },
          { key: 'causes', title: 'Nguyên nhân', text: causes.join('\n') },
        ],
      },
      { key: 'nextTasks', title: `Nhiệm vụ trọng tâm ${nextPeriodText(content.period, content.year)}`, text: next.join('\n') },
      { key: 'proposals', title: 'Đề xuất, kiến nghị', text: '' },
    ],
  };
}

/** What is wrong with a draft sent by the web: sections by the outline's keys, titles and texts within bounds. */
export function draftProblems(draft: ReportDraftContent): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!Array.isArray(draft.sections) || draft.sections.length === 0) return [{ field: 'sections', message: 'Báo cáo cần có ít nhất một phần.' }];
  draft.sections.forEach((s, i) => {
    if (!s.title?.trim()) problems.push({ field: `sections[${i}].title`, message: `Phần thứ ${i + 1} chưa có tiêu đề.` });
    (s.subsections ?? []).forEach((sub, j) => {
      if (!sub.title?.trim()) problems.push({ field: `sections[${i}].subsections[${j}].title`, message: `Mục ${j + 1} của phần thứ ${i + 1} chưa có tiêu đề.` });
    });
  });
  return problems;
}
