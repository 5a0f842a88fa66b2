/**
 * The target of a plan's task ("Chỉ tiêu"), read from the text its issuer wrote.
 *
 * Pure and total: no I/O, never throws; the original text is always kept in `text`, and what is
 * not understood stays `text`. Decisions (read from seeds 000–003):
 * - A bare number is a minimum: "95% hài lòng" and "01 lần/năm" read as at least (gte). Words
 *   before the number set the comparator: "trên" gt, "Tối thiểu"/"ít nhất"/"từ ... trở lên" gte,
 *   "tối đa"/"không quá" lte, "dưới" lt, "đúng"/"bằng" eq; "đạt" alone changes nothing.
 * - "100% <something>" is coverage of that something ("100% các xã, thị trấn"); any other
 *   percentage, or 100% with nothing after it ("Tỷ lệ ... đạt 100%"), is a percentage whose
 *   subject is the words after the number, else the words before it.
 * - Vietnamese decimal comma: "99,5%" is 99.5 (a dot is read as a decimal point too).
 * - Figures inside parentheses are commentary, not the target: "(Đến năm 2024: 100% CB,CC đạt
 *   chuẩn)" stays part of the subject.
 * Beyond the kinds of issue 4, the seeds need:
 * - `all`: one cell holding several targets, as bullets ("- Các TTHC được tích hợp. - Tối thiểu
 *   30% ..."), after ";" or joined by "và" before a new figure (seeds 000, 001, 002); each part is
 *   read on its own and kept as written. Cells whose parts are all free text stay `text`.
 * - `rank`: "trong nhóm 08 huyện, thị xã, thành phố dẫn đầu của tỉnh" (seed 002): provinces
 *   publish PAPI and PAR index rankings, so a place in the top N can be checked.
 * - a count of zero: "Không có trường hợp ..." (seed 001) is `count` eq 0 per period.
 */

export const COMPARATORS = ['gt', 'gte', 'eq', 'lte', 'lt'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** What a count is per: year, quarter, month, or each reporting period / campaign ("kỳ", "đợt"). */
export type CountPeriod = 'year' | 'quarter' | 'month' | 'period';

interface Written {
  /** The text as written, untouched. */
  readonly text: string;
}

export type SingleTarget =
  /** "Tỷ lệ cử tri đi bầu đạt trên 99,5%" → gt 99.5; "Tối thiểu 30% số xã ..." → gte 30. */
  | (Written & { readonly kind: 'percentage'; readonly comparator: Comparator; readonly value: number; readonly subject?: string })
  /** "01 lần/năm", "Ít nhất 01 đợt/năm", "Không có trường hợp ..." (eq 0). */
  | (Written & {
      readonly kind: 'count';
      readonly comparator: Comparator;
      readonly value: number;
      readonly unit: string;
      readonly per: CountPeriod;
      readonly subject?: string;
    })
  /** "100% các xã, thị trấn": every member of `of`. */
  | (Written & { readonly kind: 'coverage'; readonly value: 100; readonly of: string })
  /** "trong nhóm 08 huyện, thị xã, thành phố dẫn đầu": among the first `top` of `among`. */
  | (Written & { readonly kind: 'rank'; readonly top: number; readonly among: string; readonly subject?: string })
  /** Anything else, including empty. */
  | (Written & { readonly kind: 'text' });

export type Target = SingleTarget | (Written & { readonly kind: 'all'; readonly parts: readonly SingleTarget[] });

export type TargetKind = Target['kind'];

export function parseTarget(text: string): Target {
  const clean = tidy(text);
  const parts = split(clean);
  if (parts.length > 1) {
    const read = parts.map((part) => ({ ...readOne(part, lower(part)), text: part }) as SingleTarget);
    if (read.some((part) => part.kind !== 'text')) return { kind: 'all', text, parts: read };
    return { kind: 'text', text };
  }
  return { ...readOne(clean, lower(clean)), text } as SingleTarget;
}

// ---------------------------------------------------------------------------------------------
// Reading. `clean` keeps the case (for subjects); `key` is the same text in lower case, character
// for character, and `masked` is `key` with parenthesised text blanked, same length again.

type Reading = SingleTarget extends infer T ? (T extends unknown ? Omit<T, 'text'> : never) : never;

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const PERCENT = new RegExp(`(?<![\\d.,])${NUMBER}\\s*%`, 'g');
const COUNT_UNITS = 'lần|đợt|cuộc|buổi|kỳ|hội nghị|lớp|báo cáo|bản tin|tin bài|bài|tin';
const COUNT = new RegExp(`(?<![\\d.,])(\\d+)\\s*(${COUNT_UNITS})\\s*(?:/|mỗi|một|trên|trong một|trong 1)\\s*(năm|quý|tháng|kỳ|đợt)(?![\\p{L}])`, 'u');
const PER: Record<string, CountPeriod> = { năm: 'year', quý: 'quarter', tháng: 'month', kỳ: 'period', đợt: 'period' };

/** Checked in this order: the longer phrase first ("không thấp hơn" before "thấp hơn" before "hơn"). */
const BEFORE: readonly [Comparator, string][] = [
  ['gte', '(?:có )?(?:ít nhất|tối thiểu)|không dưới|không thấp hơn|không ít hơn|từ|>=|≥'],
  ['lte', 'tối đa|không quá|không vượt quá|nhiều nhất|không nhiều hơn|không cao hơn|<=|≤'],
  ['lt', 'dưới|thấp hơn|ít hơn|nhỏ hơn|<'],
  ['gt', 'trên|lớn hơn|cao hơn|vượt quá|vượt trên|vượt|hơn|>'],
  ['eq', 'đúng|bằng|='],
];

function readOne(clean: string, key: string): Reading {
  const masked = mask(key);

  const rank = /(?:^|\s)(?:nằm trong|trong|thuộc|vào) (?:nhóm|top|tốp) (\d+) (.+?) (?:dẫn đầu|đứng đầu|cao nhất|tốt nhất)/d.exec(masked);
  if (rank?.indices) {
    const subject = words(clean.slice(0, rank.index));
    return { kind: 'rank', top: Number(rank[1]), among: words(clean.slice(rank.indices[2][0], rank.indices[2][1])), ...(subject ? { subject } : {}) };
  }

  const none = /^không (?:có|để xảy ra|để) (trường hợp|vụ việc|vụ) (.+)$/d.exec(masked);
  if (none?.indices) {
    const subject = words(clean.slice(none.indices[2][0]));
    return { kind: 'count', comparator: 'eq', value: 0, unit: none[1], per: 'period', ...(subject ? { subject } : {}) };
  }

  const count = COUNT.exec(masked);
  if (count) {
    const { comparator, start, end } = comparatorAround(masked, count.index, count.index + count[0].length);
    const subject = words(clean.slice(end)) || words(clean.slice(0, start));
    return { kind: 'count', comparator, value: Number(count[1]), unit: count[2], per: PER[count[3]], ...(subject ? { subject } : {}) };
  }

  const percents = [...masked.matchAll(PERCENT)];
  if (percents.length !== 1) return { kind: 'text' };
  const [found] = percents;
  const at = found.index ?? 0;
  const value = Number(found[1].replace(',', '.'));
  const { comparator, start, end } = comparatorAround(masked, at, at + found[0].length);
  const after = words(clean.slice(end));
  if (value === 100 && after && (comparator === 'gte' || comparator === 'eq')) return { kind: 'coverage', value: 100, of: after };
  const subject = after || words(clean.slice(0, start));
  return { kind: 'percentage', comparator, value, ...(subject ? { subject } : {}) };
}

/** The comparator set by the words just before a figure (or "trở lên"/"trở xuống" just after), and the span they cover. */
function comparatorAround(key: string, from: number, to: number): { comparator: Comparator; start: number; end: number } {
  const before = key.slice(0, from);
  const after = /^\s*(trở lên|trở xuống)(?![\p{L}])/u.exec(key.slice(to));
  const end = after ? to + after[0].length : to;
  if (after) {
    const from_ = /(?:^|\s)(?:đạt )?(?:từ )?$/.exec(before);
    return { comparator: after[1] === 'trở lên' ? 'gte' : 'lte', start: from_ ? from_.index : from, end };
  }
  for (const [comparator, phrases] of BEFORE) {
    const m = new RegExp(`(?:^|\\s)((?:đạt )?(?:${phrases}))\\s*$`).exec(before);
    if (m) return { comparator, start: m.index + m[0].length - m[0].trimStart().length, end };
  }
  const reached = /(?:^|\s)(đạt)\s*$/.exec(before);
  return { comparator: 'gte', start: reached ? before.length - reached[0].trimStart().length : from, end };
}

/**
 * Where one cell holds several targets: bullets ("- a. - b."), ";" and "và" before a new figure
 * ("95% công chức ... và phấn đấu 90% cán bộ ..."), never inside parentheses.
 */
function split(clean: string): string[] {
  const masked = mask(lower(clean));
  const cuts: [number, number][] = [];
  const separators = [/;/g, /\s+và\s+(?=(?:(?:phấn đấu|đảm bảo) )?(?:(?:có )?(?:ít nhất|tối thiểu|trên|từ) )?\d+(?:[.,]\d+)?\s*%)/g];
  if (/^[-+•] /.test(masked)) separators.push(/(?:^|\s)[-+•]\s+/g);
  for (const separator of separators) for (const m of masked.matchAll(separator)) cuts.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  cuts.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    parts.push(clean.slice(at, start));
    at = Math.max(at, end);
  }
  parts.push(clean.slice(at));
  return parts.map((part) => part.trim()).filter((part) => part !== '' && !/^[.;,]+$/.test(part));
}

/** Blank out what stands inside parentheses (brackets included), keeping every index in place. */
function mask(key: string): string {
  let depth = 0;
  let out = '';
  for (const ch of key) {
    if (ch === '(') depth++;
    out += depth > 0 ? '_'.repeat(ch.length) : ch;
    if (ch === ')' && depth > 0) depth--;
  }
  return out;
}

/** A phrase as a subject: trimmed of spaces and of punctuation at either end. */
function words(text: string): string {
  return text.replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, '');
}

/** NFC and one space for any run of whitespace. */
function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function lower(clean: string): string {
  const key = clean.toLocaleLowerCase('vi');
  return key.length === clean.length ? key : clean.toLowerCase();
}
