/**
 * What people read: the Vietnamese subject, plain text and HTML of each message, and the short title and body of its
 * in-app notification. Pure. Each message is written once as a `Letter` (greeting, paragraphs, facts, lists, one
 * link) and rendered twice, as text and as HTML, so the two can never say different things.
 *
 * Office Vietnamese: "Kính gửi đồng chí …", the commune's People's Committee by name, the task by its number and
 * content, dates dd/mm/yyyy, the step in the words of the web app, and a link to the item.
 */
import type { OpenStep, ReportChange, ReportPeriod, Role, StepKind, TaskChange, UnitCode, UserRef } from '@app/contracts';
import type { Notice, NoticeKind, Person } from './recipients';

/** What a message looks like to its reader, on every channel. */
export interface MessageContent {
  subject: string;
  text: string;
  html: string;
  /** In-app notification. */
  title: string;
  body: string;
  /** Absolute link to the item. */
  link: string;
}

/** Where the message comes from and where its links point. */
export interface Place {
  /** The commune's name as stored ("Xã An Lão"). */
  communeName: string;
  /** PUBLIC_URL, without trailing slash. */
  publicUrl: string;
  /** Names of the commune's units by code. */
  unitNames: Record<UnitCode, string>;
}

export interface TaskInfo {
  id: string;
  number: number;
  content: string;
  year: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Words

/** "Xã An Lão" → "xã An Lão", for "UBND xã An Lão". */
export function communeWords(name: string): string {
  return /^xã\s/i.test(name) ? `xã ${name.replace(/^xã\s+/i, '')}` : name;
}

/** ISO date (or instant) → dd/mm/yyyy, in the commune's zone for instants. */
export function vnDate(value: string | null | undefined): string {
  if (!value) return '';
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(Date.parse(value) + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The task's content cut at a word boundary, for subjects and titles. */
export function shortTitle(content: string, max = 90): string {
  const text = content.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** Ends a sentence with a full stop, unless it already ends with one (or with "…"). */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.…!?]$/.test(t) ? t : `${t}.`;
}

function unitName(place: Place, unit: UnitCode | null | undefined): string {
  return unit ? (place.unitNames[unit] ?? unit) : '';
}

/** The step in the words of the web app ("Trưởng đơn vị duyệt", "Phòng VH-XH thẩm định", …). */
export function stepWords(kind: StepKind, unit: UnitCode | null, place: Place): string {
  const u = unitName(place, unit);
  switch (kind) {
    case 'SET_LEAD_UNIT':
      return 'Xác định đơn vị chủ trì';
    case 'ASSIGN':
      return u ? `Phân công thực hiện (${u})` : 'Phân công thực hiện';
    case 'DRAFT':
      return u ? `Soạn dự thảo (${u})` : 'Soạn dự thảo';
    case 'CONTRIBUTION':
      return u ? `Góp ý kiến phối hợp (${u})` : 'Góp ý kiến phối hợp';
    case 'UNIT_REVIEW':
      return u ? `Trưởng đơn vị duyệt (${u})` : 'Trưởng đơn vị duyệt';
    case 'VHXH_REVIEW':
      return `${u || 'Phòng Văn hóa - Xã hội'} thẩm định`;
    case 'CHAIRMAN_REVIEW':
      return 'Chủ tịch UBND xã phê duyệt';
    case 'SET_SCHEDULE':
      return 'Đặt lịch thực hiện';
    case 'EXTENSION':
      return 'Quyết định gia hạn';
    case 'REPORT_INPUT':
      return u ? `Gửi báo cáo của đơn vị (${u})` : 'Gửi báo cáo của đơn vị';
    case 'REPORT_DRAFT':
      return 'Tổng hợp, dự thảo báo cáo của xã';
    case 'REPORT_SUBMIT':
      return 'Gửi báo cáo tới Sở Nội vụ';
  }
}

/** A person's title in the act he took: "Lãnh đạo Phòng Kinh tế", "Chủ tịch UBND xã", … */
export function roleWords(role: Role | null, unit: UnitCode | null, place: Place, onBehalfOf?: UserRef | null): string {
  const u = unitName(place, unit);
  switch (role) {
    case 'UNIT_HEAD':
      return u ? `Lãnh đạo ${u}` : 'Lãnh đạo đơn vị';
    case 'STAFF':
      return u ? `Chuyên viên ${u}` : 'Chuyên viên';
    case 'COORDINATOR':
      return 'Cán bộ đầu mối CCHC';
    case 'CHAIRMAN':
      return 'Chủ tịch UBND xã';
    case 'VICE_CHAIRMAN':
      return onBehalfOf ? `Phó Chủ tịch UBND xã, thay mặt Chủ tịch ${onBehalfOf.fullName} theo ủy quyền` : 'Phó Chủ tịch UBND xã';
    case 'ADMIN':
      return 'Quản trị hệ thống';
    default:
      return '';
  }
}

/** Who holds a step, for someone else to read ("Đỗ Thị Hương", "Lãnh đạo Phòng Kinh tế", …). */
function holderWords(step: OpenStep, place: Place): string {
  if (step.assignee) return step.assignee.fullName;
  return roleWords(step.holderRole, step.kind === 'CHAIRMAN_REVIEW' ? null : step.unit, place) || stepWords(step.kind, step.unit, place);
}

const named = (who: UserRef | null | undefined, title: string) => (who ? (title ? `${who.fullName} (${title})` : who.fullName) : title);

// ---------------------------------------------------------------------------------------------------------------
// Letters: one structure, two renderings

type Block =
  | { p: string }
  | { quote: string }
  | { facts: [string, string][] }
  | { list: { heading: string; items: { text: string; href?: string }[]; empty?: string } };

interface Letter {
  subject: string;
  to: string;
  blocks: Block[];
  action: { label: string; href: string };
  title: string;
  body: string;
  place: Place;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function signature(place: Place): string[] {
  return [`Hệ thống điều hành Kế hoạch cải cách hành chính – UBND ${communeWords(place.communeName)}`, 'Thư được gửi tự động, vui lòng không trả lời thư này.'];
}

function renderText(l: Letter): string {
  const out: string[] = [`Kính gửi đồng chí ${l.to},`, ''];
  for (const b of l.blocks) {
    if ('p' in b) out.push(b.p, '');
    else if ('quote' in b) out.push(`    “${b.quote}”`, '');
    else if ('facts' in b) out.push(...b.facts.map(([k, v]) => `- ${k}: ${v}`), '');
    else {
      out.push(b.list.heading);
      if (b.list.items.length === 0 && b.list.empty) out.push(`  ${b.list.empty}`);
      for (const item of b.list.items) out.push(`  • ${item.text}${item.href ? `\n    ${item.href}` : ''}`);
      out.push('');
    }
  }
  out.push(`${l.action.label}: ${l.action.href}`, '', 'Trân trọng.', '', '--', ...signature(l.place));
  return `${out.join('\n')}\n`;
}

function renderHtml(l: Letter): string {
  const font = "font-family:'Times New Roman',Times,serif;font-size:16px;line-height:1.5;color:#1a1a1a";
  const parts: string[] = [`<p>Kính gửi đồng chí <strong>${esc(l.to)}</strong>,</p>`];
  for (const b of l.blocks) {
    if ('p' in b) parts.push(`<p>${esc(b.p)}</p>`);
    else if ('quote' in b) parts.push(`<blockquote style="margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #b91c1c;background:#fdf6f6">${esc(b.quote)}</blockquote>`);
    else if ('facts' in b) {
      const rows = b.facts
        .map(([k, v]) => `<tr><th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;white-space:nowrap">${esc(k)}</th><td style="padding:4px 0">${esc(v)}</td></tr>`)
        .join('');
      parts.push(`<table role="presentation" style="border-collapse:collapse;margin:0 0 1em">${rows}</table>`);
    } else {
      const items = b.list.items.map((i) => `<li>${i.href ? `<a href="${esc(i.href)}">${esc(i.text)}</a>` : esc(i.text)}</li>`).join('');
      const empty = b.list.items.length === 0 && b.list.empty ? `<p><em>${esc(b.list.empty)}</em></p>` : '';
      parts.push(`<h3 style="font-size:16px;margin:1em 0 0.25em">${esc(b.list.heading)}</h3>${empty}${items ? `<ul style="margin:0 0 1em">${items}</ul>` : ''}`);
    }
  }
  parts.push(
    `<p><a href="${esc(l.action.href)}" style="display:inline-block;padding:8px 16px;background:#b91c1c;color:#ffffff;text-decoration:none;border-radius:4px">${esc(l.action.label)}</a></p>`,
    '<p>Trân trọng.</p>',
    `<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:13px;color:#555">${signature(l.place).map(esc).join('<br>')}</p>`,
  );
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(l.subject)}</title></head><body style="${font}"><div style="max-width:680px">${parts.join('\n')}</div></body></html>`;
}

function finish(l: Letter): MessageContent {
  return { subject: l.subject, text: renderText(l), html: renderHtml(l), title: l.title, body: l.body, link: l.action.href };
}

const prefix = (place: Place) => `[CCHC ${communeWords(place.communeName)}]`;
export const taskLink = (place: Place, taskId: string) => `${place.publicUrl}/nhiem-vu/${encodeURIComponent(taskId)}`;

// ---------------------------------------------------------------------------------------------------------------
// Task events

/** The message of one notice about a task event. */
export function renderTaskNotice(notice: Notice, change: TaskChange, task: TaskInfo, place: Place): MessageContent {
  const { event, snapshot } = change;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const step = notice.step;
  const n = task.number;
  const short = shortTitle(task.content, 70);
  const of = `nhiệm vụ số ${n}`;
  const Of = `Nhiệm vụ số ${n}`;
  const plan = `Kế hoạch cải cách hành chính năm ${task.year} của UBND ${communeWords(place.communeName)}`;
  const due = step?.dueAt ? vnDate(step.dueAt) : null;
  const dueFact: [string, string] = ['Hạn xử lý', due ?? 'Chưa có hạn'];
  const stepFact: [string, string][] = step ? [['Bước xử lý', stepWords(step.kind, step.unit, place)]] : [];
  const actorUnit = (data.unit as UnitCode | undefined) ?? (data.level === 'VHXH_REVIEW' ? snapshot.reviewingUnit : null);
  const actor = named(event.actor, roleWords(event.role, event.role === 'UNIT_HEAD' || event.role === 'STAFF' ? (actorUnit ?? null) : null, place, event.onBehalfOf));
  const delegateNote: Block[] = notice.onBehalfOf
    ? [{ p: `Đồng chí nhận thư này với tư cách được Chủ tịch ${notice.onBehalfOf.fullName} ủy quyền phê duyệt.` }]
    : [];
  const comment = event.comment?.trim() ? event.comment.trim() : null;
  const base = { to: notice.person.fullName, place, action: { label: 'Mở nhiệm vụ', href: taskLink(place, task.id) } };

  const letters: Record<NoticeKind, () => Letter> = {
    ASSIGNED: () => ({
      ...base,
      subject: `${prefix(place)} Giao thực hiện ${of}: ${short}`,
      title: `Được giao ${of}`,
      body: `${sentence(`${actor} giao đồng chí thực hiện ${of}: ${short}`)}${due ? ` Hạn: ${due}.` : ''}`,
      blocks: [
        { p: `Đồng chí ${actor} đã giao đồng chí thực hiện ${of} thuộc ${plan}:` },
        { quote: task.content },
        { facts: [...stepFact, dueFact, ...(comment ? ([['Ghi chú của người giao', comment]] as [string, string][]) : [])] },
        { p: 'Đề nghị đồng chí soạn dự thảo sản phẩm, đính kèm tài liệu (nếu có) và trình duyệt đúng hạn.' },
      ],
    }),
    CONTRIBUTION_REQUESTED: () => ({
      ...base,
      subject: `${prefix(place)} Đề nghị phối hợp thực hiện ${of}`,
      title: `Đề nghị phối hợp ${of}`,
      body: `${actor} đề nghị ${unitName(place, step?.unit) || 'đơn vị'} có ý kiến phối hợp đối với ${of}.${due ? ` Hạn: ${due}.` : ''}`,
      blocks: [
        { p: `Đồng chí ${actor} đề nghị ${unitName(place, step?.unit) || 'đơn vị'} có ý kiến phối hợp đối với ${of} thuộc ${plan}:` },
        { quote: task.content },
        { facts: [...stepFact, dueFact] },
        { p: 'Đề nghị đơn vị gửi ý kiến phối hợp trên hệ thống trước thời hạn nêu trên.' },
      ],
    }),
    SUBMITTED_TO_YOU: () => {
      const how =
        event.type === 'SUBMITTED'
          ? `Đồng chí ${actor} đã trình dự thảo ${of} thuộc ${plan}:`
          : `Đồng chí ${actor} đã duyệt dự thảo ${of} thuộc ${plan}; hồ sơ được chuyển đến đồng chí:`;
      return {
        ...base,
        subject: `${prefix(place)} Trình duyệt ${of} – chờ đồng chí cho ý kiến`,
        title: `${Of} chờ đồng chí cho ý kiến`,
        body: `${sentence(`${event.type === 'SUBMITTED' ? `${actor} trình` : `${actor} đã duyệt, chuyển`} ${of}: ${short}`)}${due ? ` Hạn xử lý: ${due}.` : ''}`,
        blocks: [
          { p: how },
          { quote: task.content },
          {
            facts: [
              ...stepFact,
              dueFact,
              ...(typeof data.version === 'number' ? ([['Phiên bản dự thảo', String(data.version)]] as [string, string][]) : []),
              ...(comment ? ([['Ý kiến kèm theo', comment]] as [string, string][]) : []),
            ],
          },
          ...delegateNote,
          { p: 'Đề nghị đồng chí xem xét, cho ý kiến (duyệt hoặc trả lại kèm lý do) trong thời hạn nêu trên.' },
        ],
      };
    },
    RETURNED: () => {
      const ret = snapshot.lastReturn;
      const reason = ret?.reason ?? comment ?? snapshot.lastReturnReason ?? '';
      const level = ret?.level ?? (data.level as StepKind | undefined);
      const who = ret
        ? named(ret.by, roleWords(ret.role, ret.level === 'VHXH_REVIEW' ? snapshot.reviewingUnit : ret.level === 'UNIT_REVIEW' ? (actorUnit ?? null) : null, place, ret.onBehalfOf))
        : actor;
      return {
        ...base,
        subject: `${prefix(place)} ${Of} bị trả lại – đề nghị chỉnh sửa dự thảo`,
        title: `${Of} bị trả lại`,
        body: `${who} trả lại dự thảo ${of}. Lý do: ${sentence(reason)}`,
        blocks: [
          { p: `Dự thảo ${of} thuộc ${plan} đã bị trả lại${level ? ` ở bước “${stepWords(level, level === 'VHXH_REVIEW' ? snapshot.reviewingUnit : (actorUnit ?? null), place)}”` : ''}:` },
          { quote: task.content },
          { facts: [['Người trả lại', who], ['Lý do trả lại', reason], ...stepFact, dueFact] },
          { p: 'Đề nghị đồng chí chỉnh sửa, bổ sung dự thảo theo ý kiến trên và trình lại.' },
        ],
      };
    },
    APPROVED: () => {
      const drafter = snapshot.parts.some((p) => p.drafter?.id === notice.person.id);
      return {
        ...base,
        subject: `${prefix(place)} ${Of} đã được phê duyệt, hoàn thành`,
        title: `${Of} đã hoàn thành`,
        body: sentence(`${actor} đã phê duyệt ${of}: ${short}`),
        blocks: [
          { p: `${Of} thuộc ${plan} đã được phê duyệt và ghi nhận hoàn thành:` },
          { quote: task.content },
          { facts: [['Người phê duyệt', actor], ['Ngày phê duyệt', vnDate(event.at)], ...(comment ? ([['Ý kiến', comment]] as [string, string][]) : [])] },
          { p: drafter ? 'Cảm ơn đồng chí đã hoàn thành nhiệm vụ.' : 'Đề nghị đồng chí cập nhật kết quả vào báo cáo cải cách hành chính của xã.' },
        ],
      };
    },
    REMINDER: () => {
      const left = typeof data.workingDaysLeft === 'number' ? data.workingDaysLeft : null;
      const when = left === null ? '' : left <= 0 ? ' (đến hạn hôm nay)' : ` (còn ${left} ngày làm việc)`;
      return {
        ...base,
        subject: `${prefix(place)} Nhắc hạn: ${of} đến hạn ngày ${due ?? ''}`.trim(),
        title: `Nhắc hạn ${of}`,
        body: `${Of} đến hạn ngày ${due ?? '—'}${when}.`,
        blocks: [
          { p: `${Of} thuộc ${plan} đang chờ đồng chí xử lý, hạn ngày ${due ?? '—'}${when}:` },
          { quote: task.content },
          { facts: [...stepFact, dueFact] },
          ...delegateNote,
          { p: 'Đề nghị đồng chí hoàn thành đúng hạn. Đồng chí có thể tắt thư nhắc hạn trong mục Thông báo của hệ thống (thư báo quá hạn vẫn được gửi).' },
        ],
      };
    },
    OVERDUE: () => overdueLetter('OVERDUE'),
    ESCALATED: () => overdueLetter('ESCALATED'),
    EXTENSION_REQUESTED: () => {
      const scope = data.scope === 'STEP' ? `Thời hạn của bước ${step ? `“${stepWords(step.kind, step.unit, place)}”` : 'xử lý'}` : 'Thời hạn của nhiệm vụ';
      const current = vnDate((data.currentDueAt as string | undefined) ?? null) || 'Chưa có hạn';
      return {
        ...base,
        subject: `${prefix(place)} Đề nghị gia hạn ${of} đến ngày ${vnDate(data.newDueAt as string)}`,
        title: `Đề nghị gia hạn ${of}`,
        body: `${actor} đề nghị gia hạn ${of} đến ngày ${vnDate(data.newDueAt as string)}. Lý do: ${sentence(String(data.reason ?? comment ?? ''))}`,
        blocks: [
          { p: `Đồng chí ${actor} đề nghị gia hạn ${of} thuộc ${plan}:` },
          { quote: task.content },
          { facts: [['Phạm vi', scope], ['Hạn hiện tại', current], ['Hạn đề nghị', vnDate(data.newDueAt as string)], ['Lý do', String(data.reason ?? comment ?? '')]] },
          ...delegateNote,
          { p: 'Đề nghị đồng chí xem xét, quyết định chấp thuận hoặc không chấp thuận đề nghị gia hạn.' },
        ],
      };
    },
    EXTENSION_DECIDED: () => {
      const approved = event.type === 'EXTENSION_APPROVED';
      const verdict = approved ? 'đã được chấp thuận' : 'không được chấp thuận';
      return {
        ...base,
        subject: `${prefix(place)} Đề nghị gia hạn ${of} ${verdict}`,
        title: `Gia hạn ${of} ${verdict}`,
        body: `${actor}: đề nghị gia hạn ${of} ${verdict}.${approved && data.newDueAt ? ` Hạn mới: ${vnDate(data.newDueAt as string)}.` : ''}`,
        blocks: [
          { p: `Đề nghị gia hạn ${of} thuộc ${plan} ${verdict}:` },
          { quote: task.content },
          {
            facts: [
              ['Người quyết định', actor],
              ...(approved && data.newDueAt ? ([['Hạn mới', vnDate(data.newDueAt as string)]] as [string, string][]) : []),
              ...(data.originalDueAt ? ([['Hạn ban đầu', vnDate(data.originalDueAt as string)]] as [string, string][]) : []),
              ...(comment ? ([['Ý kiến', comment]] as [string, string][]) : []),
            ],
          },
          { p: approved ? 'Đề nghị đồng chí hoàn thành nhiệm vụ trong thời hạn mới.' : 'Đề nghị đồng chí hoàn thành nhiệm vụ theo thời hạn hiện hành.' },
        ],
      };
    },
  };

  function overdueLetter(kind: 'OVERDUE' | 'ESCALATED'): Letter {
    const late = typeof data.workingDaysLate === 'number' && data.workingDaysLate > 0 ? data.workingDaysLate : null;
    const lateWords = late ? `quá hạn ${late} ngày làm việc` : 'đã quá hạn';
    const holds = step ? step.principals.some((k) => k === `user:${notice.person.id}`) || holderIs(notice.person, step) : false;
    const where = step ? `ở bước “${stepWords(step.kind, step.unit, place)}”` : '';
    const fact: [string, string][] = [...stepFact, ['Người/đơn vị đang xử lý', step ? holderWords(step, place) : '—'], ['Hạn xử lý', due ?? '—']];
    if (kind === 'OVERDUE') {
      return {
        ...base,
        subject: `${prefix(place)} Quá hạn: ${of}${due ? ` (hạn ${due})` : ''}`,
        title: `${Of} ${lateWords}`,
        body: `${Of} ${lateWords} ${where}.${due ? ` Hạn: ${due}.` : ''}`,
        blocks: [
          { p: `${Of} thuộc ${plan} ${lateWords} ${where}:` },
          { quote: task.content },
          { facts: fact },
          { p: holds ? 'Đề nghị đồng chí khẩn trương hoàn thành; nếu cần thêm thời gian, đề nghị gia hạn trên hệ thống.' : 'Đề nghị đồng chí đôn đốc, chỉ đạo hoàn thành.' },
        ],
      };
    }
    return {
      ...base,
      subject: `${prefix(place)} Báo cáo: ${of} ${lateWords}`,
      title: `Báo cáo ${of} ${lateWords}`,
      body: `${Of} ${lateWords} ${where}, đang do ${step ? holderWords(step, place) : '—'} xử lý.`,
      blocks: [
        { p: `Kính báo cáo đồng chí: ${of} thuộc ${plan} ${lateWords} ${where}:` },
        { quote: task.content },
        { facts: fact },
        ...delegateNote,
        { p: 'Đề nghị đồng chí chỉ đạo, đôn đốc xử lý.' },
      ],
    };
  }

  return finish(letters[notice.kind]());
}

function holderIs(person: Person, step: OpenStep): boolean {
  return step.principals.some((k) => {
    const m = /^unit:([^:]+):([A-Z_]+)$/.exec(k);
    if (m) return person.unit === m[1] && person.roles.includes(m[2] as Role);
    const r = /^role:([A-Z_]+)$/.exec(k);
    return !!r && person.roles.includes(r[1] as Role);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Lists: the late steps at activation, and the daily digest

/** One open step in a list. */
export interface StepItem {
  taskId: string;
  number: number;
  content: string;
  stepKind: StepKind;
  unit: UnitCode | null;
  holder: string | null;
  dueAt: string | null;
  /** Working days past the due date (0 on the day after it), when late. */
  workingDaysLate?: number;
  /** Working days left (0 = due today), when not late. */
  workingDaysLeft?: number;
}

function byUnit(items: StepItem[], place: Place): { heading: string; items: StepItem[] }[] {
  const groups = new Map<string, StepItem[]>();
  for (const item of items) {
    const key = item.unit ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([unit, list]) => ({ heading: unit ? unitName(place, unit) : 'Lãnh đạo UBND xã và đầu mối CCHC', items: list }))
    .sort((a, b) => a.heading.localeCompare(b.heading, 'vi'));
}

function itemText(item: StepItem, place: Place): string {
  const when = item.dueAt
    ? `hạn ${vnDate(item.dueAt)}${item.workingDaysLate !== undefined ? `, quá ${Math.max(item.workingDaysLate, 1)} ngày làm việc` : item.workingDaysLeft !== undefined ? (item.workingDaysLeft <= 0 ? ', đến hạn hôm nay' : `, còn ${item.workingDaysLeft} ngày làm việc`) : ''}`
    : 'chưa có hạn';
  return `Nhiệm vụ số ${item.number}: ${shortTitle(item.content, 70)} – ${stepWords(item.stepKind, item.unit, place)}${item.holder ? ` – ${item.holder}` : ''} (${when})`;
}

/** One message to the coordinator listing every step already late when the plan was activated. */
export function renderLateAtActivation(person: Person, input: { year: number; activatedOn: string; items: StepItem[] }, place: Place): MessageContent {
  const groups = byUnit(input.items, place);
  const count = input.items.length;
  return finish({
    place,
    to: person.fullName,
    subject: `${prefix(place)} ${count} bước xử lý đã quá hạn khi kích hoạt Kế hoạch CCHC năm ${input.year}`,
    title: `${count} bước đã quá hạn khi kích hoạt kế hoạch`,
    body: `Khi kích hoạt Kế hoạch CCHC năm ${input.year} ngày ${vnDate(input.activatedOn)}, có ${count} bước xử lý đã quá hạn (${groups.map((g) => `${g.heading}: ${g.items.length}`).join('; ')}).`,
    blocks: [
      { p: `Kế hoạch cải cách hành chính năm ${input.year} của UBND ${communeWords(place.communeName)} được kích hoạt ngày ${vnDate(input.activatedOn)}. Tại thời điểm kích hoạt, ${count} bước xử lý đã quá hạn:` },
      ...groups.map((g): Block => ({ list: { heading: `${g.heading} (${g.items.length})`, items: g.items.map((i) => ({ text: itemText(i, place), href: taskLink(place, i.taskId) })) } })),
      { p: 'Các bước này không được gửi thư báo quá hạn riêng lẻ. Đề nghị đồng chí rà soát, đôn đốc các đơn vị hoặc trình gia hạn theo quy định.' },
    ],
    action: { label: 'Mở trang Theo dõi', href: `${place.publicUrl}/theo-doi` },
  });
}

/** The coordinator's daily digest: late steps per unit, and steps due soon. */
export function renderDigest(person: Person, input: { date: string; overdue: StepItem[]; dueSoon: StepItem[]; dueSoonWorkingDays: number }, place: Place): MessageContent {
  const groups = byUnit(input.overdue, place);
  const o = input.overdue.length;
  const s = input.dueSoon.length;
  return finish({
    place,
    to: person.fullName,
    subject: `${prefix(place)} Tổng hợp tình hình thực hiện Kế hoạch CCHC ngày ${vnDate(input.date)}`,
    title: `Tổng hợp ngày ${vnDate(input.date)}: ${o} quá hạn, ${s} sắp đến hạn`,
    body: `Tính đến ngày ${vnDate(input.date)}: ${o} bước xử lý quá hạn, ${s} bước sắp đến hạn trong ${input.dueSoonWorkingDays} ngày làm việc tới.`,
    blocks: [
      { p: `Tính đến ngày ${vnDate(input.date)}, việc thực hiện Kế hoạch cải cách hành chính của UBND ${communeWords(place.communeName)} có ${o} bước xử lý quá hạn và ${s} bước sắp đến hạn trong ${input.dueSoonWorkingDays} ngày làm việc tới.` },
      { list: { heading: 'I. Các bước quá hạn, theo đơn vị', items: [], empty: o === 0 ? 'Không có bước nào quá hạn.' : undefined } },
      ...groups.map((g): Block => ({ list: { heading: `${g.heading} (${g.items.length})`, items: g.items.map((i) => ({ text: itemText(i, place), href: taskLink(place, i.taskId) })) } })),
      {
        list: {
          heading: `II. Các bước sắp đến hạn (trong ${input.dueSoonWorkingDays} ngày làm việc)`,
          items: input.dueSoon.map((i) => ({ text: `${unitName(place, i.unit) ? `${unitName(place, i.unit)} – ` : ''}${itemText(i, place)}`, href: taskLink(place, i.taskId) })),
          empty: 'Không có bước nào sắp đến hạn.',
        },
      },
      { p: 'Đề nghị đồng chí theo dõi, đôn đốc các đơn vị.' },
    ],
    action: { label: 'Mở trang Theo dõi', href: `${place.publicUrl}/theo-doi` },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Report events

export const reportLink = (place: Place, reportId: string) => `${place.publicUrl}/bao-cao/${encodeURIComponent(reportId)}`;

/** "báo cáo CCHC Quý I năm 2026" (the period in the words the report's title uses). */
export function reportWords(period: ReportPeriod, year: number): string {
  const p: Record<ReportPeriod, string> = { Q1: `Quý I năm ${year}`, Q2: `6 tháng đầu năm ${year}`, Q3: `Quý III năm ${year}`, Q4: `Quý IV năm ${year}`, YEAR: `năm ${year}` };
  return `báo cáo kết quả cải cách hành chính ${p[period]}`;
}

/** The message of one notice about a report event. */
export function renderReportNotice(notice: Notice, change: ReportChange, place: Place): MessageContent {
  const { event, snapshot } = change;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const step = notice.step;
  const what = reportWords(snapshot.period, snapshot.year);
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const due = step?.dueAt ? vnDate(step.dueAt) : null;
  const facts: [string, string][] = [
    ...(step ? ([['Bước xử lý', stepWords(step.kind, step.unit, place)]] as [string, string][]) : []),
    ...(step ? ([['Hạn xử lý', due ?? 'Chưa có hạn']] as [string, string][]) : []),
  ];
  const unit = (data.unit as UnitCode | undefined) ?? null;
  const actor = named(event.actor, roleWords(event.role, event.role === 'UNIT_HEAD' || event.role === 'STAFF' ? unit : null, place, event.onBehalfOf));
  const comment = event.comment?.trim() || null;
  const base = { to: notice.person.fullName, place, action: { label: 'Mở báo cáo', href: reportLink(place, snapshot.reportId) } };
  const ask = (subject: string, title: string, p: string, closing: string): Letter => ({
    ...base,
    subject: `${prefix(place)} ${subject}`,
    title,
    body: `${sentence(p)}${due ? ` Hạn: ${due}.` : ''}`,
    blocks: [{ p }, { facts: [...facts, ...(comment ? ([['Ý kiến', comment]] as [string, string][]) : [])] }, { p: closing }],
  });
  let letter: Letter;
  switch (notice.kind) {
    case 'ASSIGNED':
      letter =
        step?.kind === 'REPORT_INPUT'
          ? ask(`Đề nghị ${unitName(place, step.unit) || 'đơn vị'} gửi số liệu ${what}`, `Gửi số liệu ${what}`, `UBND ${communeWords(place.communeName)} đề nghị ${unitName(place, step.unit) || 'đơn vị'} báo cáo kết quả thực hiện nhiệm vụ và số liệu phục vụ ${what}`, 'Đề nghị đồng chí nhập kết quả, số liệu trên hệ thống và trình lãnh đạo đơn vị duyệt đúng hạn.')
          : ask(`Tổng hợp, dự thảo ${what}`, `Dự thảo ${what}`, `Các đơn vị đã gửi số liệu; đề nghị đồng chí tổng hợp, dự thảo ${what}`, 'Đề nghị đồng chí hoàn thiện dự thảo và trình duyệt đúng hạn.');
      break;
    case 'SUBMITTED_TO_YOU':
      letter = ask(`${What} chờ đồng chí cho ý kiến`, `${What} chờ duyệt`, `${actor} đã trình ${step?.kind === 'UNIT_REVIEW' ? `phần báo cáo của ${unitName(place, step.unit) || 'đơn vị'}` : 'dự thảo'} ${what}`, 'Đề nghị đồng chí xem xét, cho ý kiến (duyệt hoặc trả lại kèm lý do) trong thời hạn nêu trên.');
      break;
    case 'RETURNED':
      letter = ask(`${What} bị trả lại – đề nghị chỉnh sửa`, `${What} bị trả lại`, `${actor} đã trả lại ${step?.kind === 'REPORT_INPUT' ? 'phần báo cáo của đơn vị' : 'dự thảo'} ${what}. Lý do: ${comment ?? ''}`, 'Đề nghị đồng chí chỉnh sửa, bổ sung theo ý kiến trên và trình lại.');
      break;
    case 'APPROVED':
      letter =
        event.type === 'REPORT_SENT'
          ? ask(`${What} đã gửi Sở Nội vụ`, `${What} đã gửi Sở Nội vụ`, `${What} đã được gửi tới ${String(data.to ?? 'Sở Nội vụ')} ngày ${vnDate(event.at)}`, 'Hồ sơ gửi đã được lưu trên hệ thống.')
          : ask(`${What} đã được phê duyệt`, `${What} đã được phê duyệt`, `${actor} đã phê duyệt ${what}`, 'Đề nghị cán bộ đầu mối CCHC gửi báo cáo tới Sở Nội vụ trên hệ thống.');
      break;
    case 'REMINDER':
      letter = ask(`Nhắc hạn: ${what}`, `Nhắc hạn ${what}`, `${What} đang chờ đồng chí xử lý`, 'Đề nghị đồng chí hoàn thành đúng hạn.');
      break;
    default:
      letter = ask(`${What} đã quá hạn`, `${What} quá hạn`, `Bước “${step ? stepWords(step.kind, step.unit, place) : ''}” của ${what} đã quá hạn${step?.assignee ? ` (${step.assignee.fullName})` : ''}`, 'Đề nghị đồng chí đôn đốc, xử lý ngay.');
  }
  return finish(letter);
}

/** The covering letter to Sở Nội vụ that carries the report and its appendix. */
export function renderReportSubmission(input: { departmentName: string; period: ReportPeriod; year: number; files: string[]; sentBy: string }, place: Place): MessageContent {
  const what = reportWords(input.period, input.year);
  const subject = `UBND ${communeWords(place.communeName)} gửi ${what}`;
  const lines = [
    `Kính gửi: ${input.departmentName},`,
    '',
    `UBND ${communeWords(place.communeName)} trân trọng gửi ${what} (kèm theo phụ lục).`,
    '',
    'Tệp đính kèm:',
    ...input.files.map((f) => `  • ${f}`),
    '',
    `Người gửi: ${input.sentBy}, cán bộ đầu mối CCHC.`,
    '',
    'Trân trọng.',
    '',
    '--',
    ...signature(place),
  ];
  const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body style="font-family:'Times New Roman',Times,serif;font-size:16px;line-height:1.5">${lines
    .map((l) => (l ? `<p>${esc(l)}</p>` : ''))
    .join('')}</body></html>`;
  return { subject, text: `${lines.join('\n')}\n`, html, title: subject, body: subject, link: place.publicUrl };
}
