import { foldVietnamese, toNfc } from './text';

/**
 * One body a plan can name in its unit columns: a unit of the commune's People's Committee (INTERNAL: it gets
 * tasks and workflow steps) or an outside body (EXTERNAL: Sở Nội vụ, UBND thành phố, Công an xã … recognised and
 * shown, never given a step). Each commune keeps its own directory (data, edited by its admin).
 */
export interface UnitDirectoryEntry {
  code: string;
  name: string;
  /** Other spellings found in plans; the name itself always counts. Case, diacritics, dashes and "&"/"và" do not matter. */
  aliases: string[];
  kind: 'INTERNAL' | 'EXTERNAL';
  /** The unit whose head holds the VHXH_REVIEW level (Phòng Văn hóa - Xã hội in An Lão); one per commune. */
  reviewing?: boolean;
}

export type UnitDirectory = readonly UnitDirectoryEntry[];

export interface UnitResolution {
  /** Internal units named by the cell, in directory order, without duplicates. */
  codes: string[];
  /** Outside bodies named by the cell, in directory order, without duplicates. */
  external: string[];
  /** Fragments of the cell (as written, NFC) that name no body of the directory. */
  unresolved: string[];
}

/**
 * The units of xã An Lão with the spellings its 2026 plan and the plans of neighbouring communes use, and the
 * outside bodies plans name. It seeds the directory of a new commune until its admin edits it.
 */
export const AN_LAO_UNITS: UnitDirectory = [
  {
    code: 'VP',
    name: 'Văn phòng HĐND và UBND xã',
    aliases: ['Văn phòng HĐND và UBND', 'Văn phòng HĐND UBND', 'Văn phòng UBND', 'Văn phòng HĐND', 'Văn phòng', 'VP HĐND và UBND', 'VP UBND', 'VP'],
    kind: 'INTERNAL',
  },
  {
    code: 'VHXH',
    name: 'Phòng Văn hóa - Xã hội',
    aliases: ['Phòng Văn hóa và Xã hội', 'Văn hóa - Xã hội', 'Phòng VH-XH', 'VH-XH', 'Phòng VHXH', 'VHXH'],
    kind: 'INTERNAL',
    reviewing: true,
  },
  { code: 'KT', name: 'Phòng Kinh tế', aliases: ['Phòng KT'], kind: 'INTERNAL' },
  {
    code: 'TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công',
    aliases: ['TT Phục vụ hành chính công', 'Trung tâm PVHCC', 'TTPVHCC', 'Bộ phận một cửa', 'Bộ phận tiếp nhận và trả kết quả'],
    kind: 'INTERNAL',
  },
  {
    code: 'TTDVSNC',
    name: 'Trung tâm Dịch vụ sự nghiệp công',
    aliases: ['TT Dịch vụ sự nghiệp công', 'Trung tâm DVSNC', 'TTDVSNC'],
    kind: 'INTERNAL',
  },
  { code: 'SNV', name: 'Sở Nội vụ', aliases: ['Sở Nội vụ thành phố', 'SNV'], kind: 'EXTERNAL' },
  { code: 'STP', name: 'Sở Tư pháp', aliases: [], kind: 'EXTERNAL' },
  { code: 'STC', name: 'Sở Tài chính', aliases: [], kind: 'EXTERNAL' },
  { code: 'UBND_TP', name: 'UBND thành phố', aliases: ['UBND TP', 'Chủ tịch UBND thành phố'], kind: 'EXTERNAL' },
  { code: 'VP_UBND_TP', name: 'Văn phòng UBND thành phố', aliases: ['VP UBND TP', 'Văn phòng UBND TP'], kind: 'EXTERNAL' },
  {
    code: 'TTPVHCC_TP',
    name: 'Trung tâm Phục vụ hành chính công thành phố',
    aliases: ['Trung tâm Phục vụ hành chính công tỉnh', 'Trung tâm Phục vụ hành chính công TP'],
    kind: 'EXTERNAL',
  },
  { code: 'UBND_TINH', name: 'UBND tỉnh', aliases: [], kind: 'EXTERNAL' },
  { code: 'CA_XA', name: 'Công an xã', aliases: ['Công an'], kind: 'EXTERNAL' },
  {
    code: 'BCHQS_XA',
    name: 'Ban Chỉ huy quân sự xã',
    aliases: ['Ban Chỉ huy quân sự', 'BCH Quân sự', 'BCHQS'],
    kind: 'EXTERNAL',
  },
  {
    code: 'MTTQ_XA',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã',
    aliases: ['Mặt trận Tổ quốc Việt Nam', 'UB MTTQ Việt Nam', 'Ủy ban MTTQ', 'Mặt trận Tổ quốc', 'UBMTTQ', 'MTTQ'],
    kind: 'EXTERNAL',
  },
  {
    code: 'DANG_UY_XA',
    name: 'Đảng ủy xã',
    aliases: ['Văn phòng Đảng ủy', 'Ban Thường vụ Đảng ủy', 'Thường trực Đảng ủy', 'Đảng ủy', 'TTĐU'],
    kind: 'EXTERNAL',
  },
  { code: 'HDND_XA', name: 'Thường trực HĐND xã', aliases: ['HĐND xã', 'TT HĐND'], kind: 'EXTERNAL' },
];

/**
 * Words that put a body at another tier of government: "Văn phòng UBND thành phố", "Trung tâm Phục vụ hành chính
 * công tỉnh" and "Văn phòng Đảng ủy" are not the commune's units even though they start like one. Over folded text.
 */
const OTHER_TIER = String.raw`(?:tinh|thanh pho|tp|huyen|(?<!co |lien )quan|thi xa|dang uy|thanh uy|tinh uy|huyen uy|trung uong|chinh phu|quoc hoi|bo(?! phan)|so)`;
/** A level word right after a name (through "của", "thuộc", "UBND"), e.g. "… công của tỉnh". */
const OTHER_TIER_AFTER = new RegExp(String.raw`^ *(?:(?:cua|thuoc) +)?(?:ubnd +)?${OTHER_TIER}(?![a-z0-9])`);

/** Long forms written out in full that plans also abbreviate; aliases are compared in their short form. */
const LONG_FORMS: Array<[string, string]> = [
  ['hdnd', 'hoi +dong +nhan +dan'],
  ['ubnd', 'uy +ban +nhan +dan'],
];

/**
 * An alias as a pattern over folded text: its words in order with any spacing, "và"/"&" between two words optional
 * on either side, a long form for each abbreviation, and the commune's own level word "xã" optional after it.
 */
function aliasPattern(alias: string): { source: string; words: number } | null {
  const words = foldVietnamese(alias.normalize('NFC'))
    .split(/[\s,;]+/)
    .filter((w) => w !== '' && w !== 'va');
  while (words.length > 1 && words[words.length - 1] === 'xa') words.pop();
  if (words.length === 0) return null;
  const word = (w: string) => {
    const long = LONG_FORMS.find(([short]) => short === w);
    return long ? `(?:${w}|${long[1]})` : w;
  };
  return { source: `${words.map(word).join(' +(?:va +)?')}(?: +xa)?`, words: words.length };
}

/**
 * The key two spellings share when the resolver cannot tell them apart: folded words without "và", a trailing "xã"
 * dropped and long forms in their short form ("Ủy ban nhân dân" = "UBND"). Null for a name with no words.
 */
export function unitNameKey(name: string): string | null {
  let words = foldVietnamese(toNfc(name))
    .split(/[\s,;]+/)
    .filter((w) => w !== '' && w !== 'va')
    .join(' ');
  for (const [short, long] of LONG_FORMS) words = words.replace(new RegExp(`(?<![a-z0-9])${long}(?![a-z0-9])`, 'g'), short);
  const list = words.split(' ').filter(Boolean);
  while (list.length > 1 && list[list.length - 1] === 'xa') list.pop();
  return list.length ? list.join(' ') : null;
}

/**
 * A spelling of `names` that another entry of the directory already answers to (its name or a variant), which the
 * resolver could not tell apart: the first one found, or null. One spelling, one body.
 */
export function findNameClash(directory: UnitDirectory, code: string, names: string[]): { name: string; code: string; as: string } | null {
  const others = new Map<string, { code: string; as: string }>();
  for (const entry of directory) {
    if (entry.code === code) continue;
    for (const spelling of [entry.name, ...entry.aliases]) {
      const key = unitNameKey(spelling);
      if (key && !others.has(key)) others.set(key, { code: entry.code, as: spelling });
    }
  }
  for (const name of names) {
    const key = unitNameKey(name);
    const clash = key ? others.get(key) : undefined;
    if (clash) return { name, ...clash };
  }
  return null;
}

const bounded = (pattern: string) => new RegExp(`(?<![a-z0-9])(?:${pattern})(?![a-z0-9])`, 'g');

interface Matcher {
  entry: UnitDirectoryEntry;
  regex: RegExp;
  words: number;
}

/** Matchers for a directory, the longest spellings first so that "Văn phòng UBND thành phố" wins over "Văn phòng". */
function matchers(directory: UnitDirectory): Matcher[] {
  const cached = MATCHERS.get(directory);
  if (cached) return cached;
  const list: Matcher[] = [];
  for (const entry of directory) {
    for (const alias of new Set([entry.name, ...entry.aliases])) {
      const pattern = aliasPattern(alias);
      if (pattern) list.push({ entry, regex: bounded(pattern.source), words: pattern.words });
    }
  }
  list.sort((a, b) => b.words - a.words || b.regex.source.length - a.regex.source.length);
  MATCHERS.set(directory, list);
  return list;
}
const MATCHERS = new WeakMap<UnitDirectory, Matcher[]>();

const UBND = '(?:ubnd|uy +ban +nhan +dan)';
/**
 * "Các phòng, ban, ngành", "Các phòng, cơ quan", "Các phòng, ban, ngành các cơ quan, tổ chức có liên quan": a run
 * of collective words opened by "các", meaning every unit of the commune. It stops at the first other word, so
 * "Các phòng, ban, ngành, Trung tâm Phục vụ hành chính công" leaves the centre to its own name.
 */
const COLLECTIVE = '(?:phong|ban|nganh|co +quan|don +vi|to +chuc)';
const COLLECTIVE_MORE = `(?:${COLLECTIVE}|cac|va|chuyen +mon|co +lien +quan|lien +quan|khac|truc +thuoc|thuoc|${UBND}|xa)`;
const ALL_UNITS = bounded(`(?:tat +ca +)?cac +${COLLECTIVE}(?![a-z0-9])(?:[ ,]+${COLLECTIVE_MORE}(?![a-z0-9]))*`);

/** Words left between names that name nothing by themselves ("và", "xã"). */
const FILLER = /^(?:va|xa|cac|voi|cung)?$/;
/** Where one name ends for certain: list punctuation, a line break, brackets. */
const HARD_BREAK = /[,;\n()]/;

/**
 * Reads a lead or co-unit cell against the commune's unit directory. Names are matched longest first; a name of
 * the commune's own unit followed by a level word of another tier ("Văn phòng UBND thành phố") is not that unit
 * and, unless the directory knows it as an outside body, is returned unresolved as a whole. "Các phòng, ban,
 * ngành" names every internal unit. What cannot be read is returned, never dropped.
 */
export function resolveUnits(text: string, directory: UnitDirectory): UnitResolution {
  const original = text.normalize('NFC');
  const folded = foldVietnamese(original);
  let working = folded;
  const found = new Set<string>();
  const unresolved: Array<{ at: number; text: string }> = [];

  const blank = (start: number, end: number) => {
    working = working.slice(0, start) + ','.repeat(end - start) + working.slice(end);
  };
  /** From `start` to the end of the name it begins: the next hard break of the original cell. */
  const nameEnd = (from: number) => {
    const rest = original.slice(from).search(HARD_BREAK);
    return rest < 0 ? original.length : from + rest;
  };
  const otherTier = (end: number) => OTHER_TIER_AFTER.test(folded.slice(end, nameEnd(end)));

  // Names are letters and spaces only, so a match never reaches into a part already claimed (blanked with commas).
  const claim = (regex: RegExp, onMatch: (start: number, end: number) => void) => {
    for (const match of [...working.matchAll(regex)]) {
      const start = match.index ?? 0;
      onMatch(start, start + match[0].length);
    }
  };

  /** A body of another tier that the directory does not know: its whole name stays together, unresolved. */
  const otherTierBody = (start: number, end: number) => {
    if (!otherTier(end)) return false;
    const stop = nameEnd(end);
    unresolved.push({ at: start, text: original.slice(start, stop).trim() });
    blank(start, stop);
    return true;
  };

  for (const { entry, regex } of matchers(directory)) {
    claim(regex, (start, end) => {
      if (entry.kind === 'INTERNAL' && otherTierBody(start, end)) return;
      found.add(entry.code);
      blank(start, end);
    });
  }
  claim(ALL_UNITS, (start, end) => {
    if (otherTierBody(start, end)) return;
    for (const entry of directory) if (entry.kind === 'INTERNAL') found.add(entry.code);
    blank(start, end);
  });

  let rest = '';
  for (let i = 0; i < original.length; i++) rest += working[i] === ',' && folded[i] !== ',' ? ',' : original[i];
  let offset = 0;
  for (const fragment of rest.split(/([,;\n]|(?:^|\s)(?:và|&)(?=\s|$))/)) {
    const at = offset;
    offset += fragment.length;
    const clean = fragment.replace(/^[\s\-.:()]+|[\s\-.:()]+$/g, '');
    if (/^[,;\n]$/.test(fragment) || FILLER.test(foldVietnamese(clean).replace(/\s+/g, ' ').trim())) continue;
    unresolved.push({ at, text: clean });
  }

  const inOrder = (kind: UnitDirectoryEntry['kind']) =>
    [...new Set(directory.filter((e) => e.kind === kind && found.has(e.code)).map((e) => e.code))];
  return {
    codes: inOrder('INTERNAL'),
    external: inOrder('EXTERNAL'),
    unresolved: unresolved.sort((a, b) => a.at - b.at).map((u) => u.text),
  };
}
