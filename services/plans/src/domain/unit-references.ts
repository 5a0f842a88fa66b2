import type { UnitView } from '@reform/unit-hierarchy';

/**
 * Unit cells as plans write them ("UBMT TQ huyện, UBND các xã, thị trấn") resolved to the exact
 * units on the issue day. Pure: the caller loads the issuer's neighbourhood from its copy of the
 * hierarchy and passes it in.
 *
 * Decisions (read from the seeds' appendices and provincial plans, issue 15):
 * - A cell splits on newlines, ";", list bullets, "+", ","; a comma inside a selector does not
 *   split it ("UBND các xã, thị trấn", "Các phòng, ban, ngành", "Công an cấp huyện, cấp xã"): a
 *   piece that only continues a list of unit types joins the piece before it, but a named body
 *   after a selector starts a piece ("UBND cấp xã, Ban Thanh tra nhân dân"). "và" and a spaced
 *   dash split only before the head of a new body ("Bệnh viện ĐK và Trung tâm y tế huyện", "Sở Nội
 *   vụ - Sở Tư pháp"), never inside a name ("Văn phòng HĐND và UBND huyện", "Phòng Tài chính - Kế
 *   hoạch"). A comma inside a name ("Sở Văn hóa, Thể thao và Du lịch") is found when two pieces
 *   resolve only together.
 * - Selectors expand within the issuer's subtree; "X các cấp" is X at the issuer and every unit
 *   below it. Named bodies match the issuer's agencies (and, for monitors, those of the units
 *   above) by normalised name or alias: case, Unicode form, the tone mark's place in an open
 *   syllable, spacing, punctuation, dash and "&"/"và" do not matter, abbreviations are expanded
 *   (KH, TQ, VH, TT, XH, ĐT, MT, PTNT, LĐTB...), the place name and level word are dropped
 *   ("Thanh tra huyện" = "Thanh tra huyện Thăng Bình"), diacritics only as a fallback. A body
 *   found not at the issuer but at the units below is that body in each of them.
 * - What resolves to nothing stays as `unresolved` text: plans name bodies the platform does not
 *   know ("Tòa án nhân dân cấp huyện"), which is no reason to refuse a plan.
 */

export type CellRole = 'lead' | 'implementing' | 'monitoring';

/** The issuer's neighbourhood on the day a plan is issued (or amended). */
export interface IssuerNeighbourhood {
  /** The issuer on that day; null when it did not exist then. */
  readonly issuer: UnitView | null;
  /** Every unit below the issuer on that day, at any depth (agencies included). */
  readonly subtree: readonly UnitView[];
  /** The issuer's parent, then its parent, up to the root. */
  readonly ancestors: readonly UnitView[];
  /** The agencies of the ancestors (monitors such as "Sở Nội vụ" for a district's plan). */
  readonly aboveAgencies: readonly UnitView[];
  /** Units named by explicit codes that exist on that day (wherever they are). */
  readonly named: readonly UnitView[];
}

export interface CellResolution {
  readonly unitCodes: string[];
  readonly unresolved: string[];
  /** Explicit codes that do not exist on the day, or lie outside what the role allows. */
  readonly problems: Array<{ readonly code: string; readonly problem: 'unknown' | 'outside' }>;
}

const HEADS = [
  'phòng',
  'ubnd',
  'ủy ban',
  'uỷ ban',
  'trung tâm',
  'bệnh viện',
  'công an',
  'thanh tra',
  'sở',
  'văn phòng',
  'ubmt',
  'ubmttq',
  'mttq',
  'mặt trận',
  'bảo hiểm',
  'bhxh',
  'tòa án',
  'toà án',
  'các',
  'điện lực',
  'bộ phận',
  'hội',
  'đoàn',
  'ban',
  'liên đoàn',
  'lđlđ',
  'tỉnh đoàn',
  'huyện đoàn',
  'công chức',
  'đoàn thể',
  'kho bạc',
  'chi cục',
  'đài',
];
/** Unit types that continue a list ("UBND các xã, thị trấn"); "ban", "ngành"... only as whole pieces ("Các phòng, ban, ngành"), not "Ban Thanh tra nhân dân". */
const CONTINUATIONS =
  /^((thị trấn|phường|xã|thị xã|thành phố|quận|huyện|đặc khu)(?=$|[\s,.])|(ban|ngành|ban ngành|ban, ngành|đơn vị|cấp xã|cấp huyện|cấp tỉnh|địa phương)(\s+(huyện|tỉnh|xã))?[\s.]*$)/u;

/** After a comma: a piece that continues a list of unit types, or lower-case words that start no body ("khám, chữa bệnh"). */
const continues = (part: string) => {
  const lower = part.toLowerCase();
  if (CONTINUATIONS.test(lower)) return true;
  return part[0] === lower[0] && part[0] !== part[0].toUpperCase() && !HEADS.some((head) => lower.startsWith(`${head} `));
};

/** The pieces of a cell, each a selector or a body, as written (trimmed). */
export function splitCell(text: string): string[] {
  const pieces: string[] = [];
  // A line is a list item: its leading bullet ("- ", "+ ", "• ", "a) ") is not part of the name.
  const lines = text
    .normalize('NFC')
    .split(/[\n;]/u)
    .map((line) => line.replace(/^\s*(?:[-–—+•*]|[a-zđ0-9][).])\s+/u, ''));
  for (const chunk of lines.flatMap((line) => line.split(/\s\+\s|^\+|\+$/u)).flatMap(splitOnDash)) {
    const commaParts = chunk
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const joined: string[] = [];
    for (const part of commaParts) {
      if (joined.length && continues(part)) joined[joined.length - 1] += `, ${part}`;
      else joined.push(part);
    }
    for (const piece of joined) pieces.push(...splitOnAnd(piece));
  }
  return pieces.map((piece) => piece.replace(/[.\s]+$/u, '').trim()).filter(Boolean);
}

/** " - " between two bodies ("Sở Nội vụ - Sở Tư pháp") splits; inside a name ("Tài chính - Kế hoạch", "HĐND - UBND") it does not. */
function splitOnDash(chunk: string): string[] {
  const parts = chunk.split(/\s+[-–—]\s+/u);
  const separators = [...chunk.matchAll(/\s+[-–—]\s+/gu)].map((m) => m[0]);
  const out: string[] = [parts[0]];
  for (let i = 1; i < parts.length; i++) {
    const right = parts[i].toLowerCase();
    const startsBody = HEADS.some((head) => right.startsWith(`${head} `) || right === head);
    if (startsBody && !/(hđnd|hội đồng nhân dân)$/u.test(out[out.length - 1].toLowerCase())) out.push(parts[i]);
    else out[out.length - 1] += `${separators[i - 1]}${parts[i]}`;
  }
  return out;
}

function splitOnAnd(piece: string): string[] {
  const words = piece.split(/\s+(?:và|&)\s+/u);
  if (words.length === 1) return [piece];
  const out: string[] = [words[0]];
  const separators = [...piece.matchAll(/\s+(và|&)\s+/gu)].map((m) => m[0]);
  for (let i = 1; i < words.length; i++) {
    const left = out[out.length - 1].toLowerCase();
    const right = words[i].toLowerCase();
    // A new body starts after "và" ("Bệnh viện ĐK và Trung tâm y tế huyện"), except inside
    // "HĐND và UBND"; other words continue a name ("Phòng Văn hóa và Thông tin").
    const startsBody = HEADS.some((head) => right.startsWith(`${head} `) || right === head);
    const insideName = /(hđnd|hội đồng nhân dân)$/u.test(left);
    if (startsBody && !insideName) out.push(words[i]);
    else out[out.length - 1] += `${separators[i - 1]}${words[i]}`;
  }
  return out;
}

// ── normalising names ──────────────────────────────────────────────────────────────────────────

/** Where the tone mark sits in an open syllable ("hoà"/"hòa", "uỷ"/"ủy"): one way. Closed syllables ("đoàn", "huỳnh") have one spelling only. */
const TONE_PLACEMENT: Array<[RegExp, string]> = (
  [
    ['oá', 'óa'],
    ['oà', 'òa'],
    ['oả', 'ỏa'],
    ['oã', 'õa'],
    ['oạ', 'ọa'],
    ['oé', 'óe'],
    ['oè', 'òe'],
    ['oẻ', 'ỏe'],
    ['oẽ', 'õe'],
    ['oẹ', 'ọe'],
    ['uý', 'úy'],
    ['uỳ', 'ùy'],
    ['uỷ', 'ủy'],
    ['uỹ', 'ũy'],
    ['uỵ', 'ụy'],
  ] as const
).map(([from, to]) => [new RegExp(`${from}(?!\\p{L})`, 'gu'), to]);

const PHRASES: Array<[RegExp, string]> = [
  [/ủy ban nhân dân/gu, 'ubnd'],
  [/hội đồng nhân dân/gu, 'hđnd'],
  // Every way of writing the Front's committee: "Ủy ban MTTQ Việt Nam", "UBMT Tổ quốc Việt Nam", "UBMTTQVN", "UBMT TQ", "MTTQ"...
  [/^(?:ủy ban |ub)?(?:mặt trận tổ quốc|mặt trận|mttq|mt)(?: ?tq| tổ quốc)?(?: ?vn| việt nam)?(?=\s|$)/u, 'ubmttq'],
  [/\bhu và hđnd và ubnd\b/u, 'hđnd và ubnd'],
  [/\blđtb và xh\b/u, 'lao động và thương binh và xã hội'],
  [/\blđtbxh\b/u, 'lao động và thương binh và xã hội'],
];

const WORDS: Record<string, string> = {
  kh: 'kế hoạch',
  tq: 'tổ quốc',
  vh: 'văn hóa',
  tt: 'thông tin',
  xh: 'xã hội',
  đt: 'đào tạo',
  mt: 'môi trường',
  ptnt: 'phát triển nông thôn',
  nn: 'nông nghiệp',
  tn: 'tài nguyên',
  gd: 'giáo dục',
  lđ: 'lao động',
  tb: 'thương binh',
  kt: 'kinh tế',
  ht: 'hạ tầng',
  tc: 'tài chính',
  ubnd: 'ubnd',
};

const LEVEL_WORDS = /\s(cấp huyện|cấp tỉnh|cấp xã|huyện|tỉnh|xã|thị trấn|phường|thị xã|thành phố|quận)$/u;

/** Lower case, one kind of dash, "-" and "&" read as "và", tone marks placed one way, phrases abbreviated, abbreviations expanded. */
export function normaliseName(text: string): string {
  let s = text.normalize('NFC').toLowerCase();
  for (const [pattern, replacement] of TONE_PLACEMENT) s = s.replace(pattern, replacement);
  s = s
    .replace(/["“”'‘’()[\]]/gu, ' ')
    .replace(/[–—‐‑]/gu, '-')
    .replace(/\s*&\s*/gu, ' và ')
    .replace(/\s*-\s*/gu, ' và ')
    .replace(/[.:;,\s]+$/u, '')
    .replace(/\s+/gu, ' ')
    .replace(/( và)+ /gu, ' và ')
    .trim();
  for (const [pattern, replacement] of PHRASES) s = s.replace(pattern, replacement);
  return s
    .split(' ')
    .map((word) => WORDS[word] ?? word)
    .join(' ');
}

/** Inside a body's name a comma joins like "và" ("Sở Văn hóa, Thể thao và Du lịch"). */
const commasAsAnd = (s: string) => s.replace(/\s*,\s*/gu, ' và ').replace(/( và)+ /gu, ' và ');

const stripDiacritics = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd');

/** A key without the level word at the end: "thanh tra huyện" → "thanh tra". */
const withoutLevel = (s: string) => s.replace(LEVEL_WORDS, '');

/** An agency's keys: its name's and each alias's (`agencyKey`). */
function agencyKeys(agency: UnitView, owner: UnitView | undefined): string[] {
  return [agencyKey(agency.name, owner), ...(agency.aliases ?? []).map((alias) => agencyKey(alias, owner))];
}

/** A name's key: normalised, without the name of the unit it belongs to and the level word. */
function agencyKey(name: string, owner: UnitView | undefined): string {
  let key = commasAsAnd(normaliseName(name));
  if (owner) {
    const ownerName = normaliseName(owner.name);
    const type = normaliseName(owner.type);
    const proper = ownerName.startsWith(`${type} `) ? ownerName.slice(type.length + 1) : ownerName;
    if (proper && key.endsWith(` ${proper}`)) key = key.slice(0, -proper.length - 1);
  }
  return withoutLevel(key);
}

// ── selectors ─────────────────────────────────────────────────────────────────────────────────

type Selector = 'SECTIONS' | 'COMMUNES' | 'DISTRICTS' | 'AGENCIES' | 'POLICE_DISTRICT_COMMUNE' | 'POLICE_COMMUNE' | 'ISSUER_COMMITTEE';

const SELECTORS: Array<[RegExp, Selector[]]> = [
  [/^(ubnd )?các (xã|phường|thị trấn|đặc khu)( ?,? ?(xã|phường|thị trấn|đặc khu))*$/u, ['COMMUNES']],
  [/^(ubnd )?(xã|phường|thị trấn|đặc khu)( ?,? ?(xã|phường|thị trấn|đặc khu))+$/u, ['COMMUNES']],
  [/^(ubnd )?cấp xã$/u, ['COMMUNES']],
  [/^(ubnd )?cấp huyện$/u, ['DISTRICTS']],
  [/^(ubnd )?(các )?cấp huyện,? (và )?(ubnd )?cấp xã$/u, ['DISTRICTS', 'COMMUNES']],
  [/^(ubnd )?các (huyện|quận|thị xã|thành phố)(, (huyện|quận|thị xã|thành phố))*$/u, ['DISTRICTS']],
  [
    /^(các )?(phòng, ban, ngành|phòng, ban|phòng ban|sở, ban, ngành|sở, ngành|sở ban ngành|cơ quan chuyên môn|cơ quan, đơn vị|cơ quan đơn vị)( huyện| tỉnh| thuộc ubnd (huyện|tỉnh))?$/u,
    ['AGENCIES'],
  ],
  [/^công an cấp huyện, cấp xã$/u, ['POLICE_DISTRICT_COMMUNE']],
  [/^(các )?bộ phận( liên quan| chuyên môn)?$/u, ['SECTIONS']],
  [/^công an (cấp xã|các xã, thị trấn|các xã, phường, thị trấn|các xã, phường, đặc khu|các xã, phường|các xã)$/u, ['POLICE_COMMUNE']],
];

/** The kinds of agency a "phòng, ban, ngành" selector covers: specialised offices, not the Front, police or insurance. */
export const OFFICE_KINDS = ['Phòng', 'Sở', 'Văn phòng', 'Thanh tra', 'Ban'];

function select(selector: Selector, issuer: UnitView, subtree: readonly UnitView[]): UnitView[] {
  const byCode = new Map(subtree.map((unit) => [unit.code, unit]));
  const levelOfParent = (unit: UnitView) => (unit.parentCode === issuer.code ? issuer.level : byCode.get(unit.parentCode ?? '')?.level);
  switch (selector) {
    case 'SECTIONS':
      return subtree.filter((unit) => unit.level === 'AGENCY' && unit.parentCode === issuer.code && unit.kind === 'Bộ phận');
    case 'COMMUNES':
      return subtree.filter((unit) => unit.level === 'COMMUNE');
    case 'DISTRICTS':
      return subtree.filter((unit) => unit.level === 'DISTRICT');
    case 'AGENCIES':
      return subtree.filter((unit) => unit.level === 'AGENCY' && unit.parentCode === issuer.code && OFFICE_KINDS.includes(unit.kind ?? ''));
    case 'POLICE_DISTRICT_COMMUNE':
      return subtree.filter((unit) => unit.level === 'AGENCY' && unit.kind === 'Công an' && ['DISTRICT', 'COMMUNE'].includes(levelOfParent(unit) ?? ''));
    case 'POLICE_COMMUNE':
      return subtree.filter((unit) => unit.level === 'AGENCY' && unit.kind === 'Công an' && levelOfParent(unit) === 'COMMUNE');
    case 'ISSUER_COMMITTEE':
      return [issuer];
  }
}

// ── resolving ─────────────────────────────────────────────────────────────────────────────────

const LEVEL_OF_WORD: Record<string, UnitView['level']> = {
  huyện: 'DISTRICT',
  tỉnh: 'PROVINCE',
  xã: 'COMMUNE',
  'cấp huyện': 'DISTRICT',
  'cấp tỉnh': 'PROVINCE',
  'cấp xã': 'COMMUNE',
};
const LEVEL_RANK: Record<UnitView['level'], number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2, AGENCY: 3 };

/** The neighbourhood's agencies by the unit they belong to, and its territorial units below the issuer (built once per neighbourhood). */
interface Index {
  readonly agenciesOf: Map<string, UnitView[]>;
  readonly below: UnitView[];
  readonly keys: Map<string, string[]>;
}
const indexes = new WeakMap<IssuerNeighbourhood, Index>();
function indexOf(context: IssuerNeighbourhood): Index {
  let index = indexes.get(context);
  if (!index) {
    const agenciesOf = new Map<string, UnitView[]>();
    for (const unit of [...context.subtree, ...context.aboveAgencies]) {
      if (unit.level !== 'AGENCY' || !unit.parentCode) continue;
      const list = agenciesOf.get(unit.parentCode);
      if (list) list.push(unit);
      else agenciesOf.set(unit.parentCode, [unit]);
    }
    index = { agenciesOf, below: context.subtree.filter((unit) => unit.level !== 'AGENCY'), keys: new Map() };
    indexes.set(context, index);
  }
  return index;
}

/** The kinds "đoàn thể" covers: the Front and the mass organisations. */
const MASS_ORGANISATION_KINDS = ['UBMTTQ', 'Đoàn thể'];

/** One piece of a cell: the units it names, or none. */
export function resolvePiece(piece: string, role: CellRole, context: IssuerNeighbourhood): UnitView[] {
  const issuer = context.issuer;
  if (!issuer) return [];
  const key = normaliseName(piece);
  for (const [pattern, selectors] of SELECTORS) {
    if (pattern.test(key)) return selectors.flatMap((selector) => select(selector, issuer, context.subtree));
  }
  const index = indexOf(context);
  // "các cấp": the body at the issuer and at every unit below it ("Đoàn thể các cấp", "Hội Nông dân các cấp").
  const everyLevel = /^(.+?) (?:ở )?các cấp$/u.exec(key);
  if (everyLevel) return bodiesAtEveryLevel(everyLevel[1], issuer, index);
  // The units (people's committees) that may be named: the issuer, and for monitors those above.
  const scopes = role === 'monitoring' ? [issuer, ...context.ancestors] : [issuer];
  const committee = /^ubnd (huyện|tỉnh|xã)$/u.exec(key);
  if (committee) {
    const found = scopes.find((unit) => unit.level === LEVEL_OF_WORD[committee[1]]);
    return found ? [found] : [];
  }
  const levelWord = LEVEL_WORDS.exec(key)?.[1];
  const level = levelWord ? LEVEL_OF_WORD[levelWord] : undefined;
  const owners = levelWord ? scopes.filter((unit) => unit.level === level) : scopes;
  const name = commasAsAnd(withoutLevel(key));
  for (const owner of owners) {
    const found = matchAgency(name, index.agenciesOf.get(owner.code) ?? [], owner, index);
    if (found) return [found];
  }
  // A body of the units below ("Ban Thanh tra nhân dân", "công chức Tư pháp – Hộ tịch" in a district's
  // plan, "Công an xã"): that body in each of them, of the level named when one is.
  if (level === undefined || LEVEL_RANK[level] > LEVEL_RANK[issuer.level]) {
    const below = index.below.filter((unit) => (level === undefined ? true : unit.level === level));
    return below.flatMap((owner) => matchAgency(name, index.agenciesOf.get(owner.code) ?? [], owner, index) ?? []);
  }
  return [];
}

function bodiesAtEveryLevel(body: string, issuer: UnitView, index: Index): UnitView[] {
  const owners = [issuer, ...index.below];
  if (/^(ubnd|chính quyền)$/u.test(body)) return index.below;
  if (/^(các )?(đoàn thể|tổ chức đoàn thể|tổ chức chính trị và xã hội|đoàn thể chính trị và xã hội)$/u.test(body)) {
    return owners.flatMap((owner) => (index.agenciesOf.get(owner.code) ?? []).filter((agency) => MASS_ORGANISATION_KINDS.includes(agency.kind ?? '')));
  }
  const name = commasAsAnd(withoutLevel(body));
  return owners.flatMap((owner) => matchAgency(name, index.agenciesOf.get(owner.code) ?? [], owner, index) ?? []);
}

function keysOf(agency: UnitView, owner: UnitView, index: Index): string[] {
  let keys = index.keys.get(agency.code);
  if (!keys) {
    keys = agencyKeys(agency, owner);
    index.keys.set(agency.code, keys);
  }
  return keys;
}

function matchAgency(key: string, candidates: readonly UnitView[], owner: UnitView, index: Index): UnitView | null {
  if (key === 'ubmttq') return candidates.find((agency) => agency.kind === 'UBMTTQ') ?? null;
  const keyed = candidates.map((agency) => ({ agency, keys: keysOf(agency, owner, index) }));
  const exact = keyed.find((entry) => entry.keys.includes(key));
  if (exact) return exact.agency;
  const loose = stripDiacritics(key);
  const fallback = keyed.filter((entry) => entry.keys.some((k) => stripDiacritics(k) === loose));
  if (fallback.length === 1) return fallback[0].agency;
  // "Phòng Văn hóa" for "Phòng Văn hóa và Thông tin": a unique name that begins with the piece.
  const prefixed = keyed.filter((entry) => entry.keys.some((k) => k.startsWith(`${key} `)));
  return prefixed.length === 1 ? prefixed[0].agency : null;
}

/** A whole cell: its pieces resolved, its explicit codes checked and added. */
export function resolveCell(
  cell: { readonly text: string; readonly unitCodes?: readonly string[] } | null | undefined,
  role: CellRole,
  context: IssuerNeighbourhood,
): CellResolution {
  const codes: string[] = [];
  const unresolved: string[] = [];
  const problems: CellResolution['problems'] = [];
  const add = (code: string) => {
    if (!codes.includes(code)) codes.push(code);
  };
  if (!cell) return { unitCodes: codes, unresolved, problems };
  const pieces = splitCell(cell.text);
  for (let i = 0; i < pieces.length; i++) {
    const units = resolvePiece(pieces[i], role, context);
    if (units.length) {
      units.forEach((unit) => add(unit.code));
      continue;
    }
    // A comma inside a name ("Sở Văn hóa, Thể thao và Du lịch"): the piece continues the one before.
    const joined = i > 0 ? resolvePiece(`${pieces[i - 1]}, ${pieces[i]}`, role, context) : [];
    if (joined.length) {
      joined.forEach((unit) => add(unit.code));
      if (unresolved[unresolved.length - 1] === pieces[i - 1]) unresolved.pop();
    } else unresolved.push(pieces[i]);
  }
  const allowed = allowedCodes(role, context);
  const existing = new Set(
    [...(context.issuer ? [context.issuer] : []), ...context.subtree, ...context.ancestors, ...context.aboveAgencies, ...context.named].map(
      (unit) => unit.code,
    ),
  );
  for (const code of cell.unitCodes ?? []) {
    if (!existing.has(code)) problems.push({ code, problem: 'unknown' });
    else if (!allowed.has(code)) problems.push({ code, problem: 'outside' });
    else add(code);
  }
  return { unitCodes: codes, unresolved, problems };
}

/** Leads and implementing units lie in the issuer's subtree (the issuer included); monitors may also be above it. */
function allowedCodes(role: CellRole, context: IssuerNeighbourhood): Set<string> {
  const inside = [...(context.issuer ? [context.issuer] : []), ...context.subtree];
  const above = role === 'monitoring' ? [...context.ancestors, ...context.aboveAgencies] : [];
  return new Set([...inside, ...above].map((unit) => unit.code));
}
