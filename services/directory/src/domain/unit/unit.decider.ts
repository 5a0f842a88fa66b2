import { assertNever, Decider, DomainError } from '@reform/decider';

/**
 * An administrative unit (province, district, commune) or a body attached to one (agency: Sở,
 * Phòng, Bộ phận, UBMTTQ, Công an...). Stream `unit-<code>`. Its history is a list of periods of
 * validity (valid-time, calendar days): renames and transfers split the current period, a merger
 * or dissolution ends it. Facts looked up elsewhere (does the parent exist) come in the command.
 */
import { Day, EstablishedUnit, evolveUnit, hasEnded, lastPeriod, periodOn, UNIT_LEVELS, UnitState } from '@reform/unit-periods';
import { factOf, UnitEvent } from './unit-events';

export { hasEnded, lastPeriod, periodOn, UNIT_LEVELS } from '@reform/unit-periods';
export type { Day, EstablishedUnit, UnitLevel, UnitPeriod, UnitState, UnitSuccessor } from '@reform/unit-periods';
export { UNIT_EVENT_TYPES } from './unit-events';
export type { UnitEvent } from './unit-events';

export type UnitCommand =
  | { type: 'EstablishUnit'; data: UnitEventData<'UnitEstablished'> & { parentExists: boolean } }
  | { type: 'RenameUnit'; data: UnitEventData<'UnitRenamed'> }
  | { type: 'TransferUnit'; data: UnitEventData<'UnitTransferred'> & { parentExists: boolean } }
  | { type: 'MergeUnit'; data: UnitEventData<'UnitMerged'> & { intoExists: boolean } }
  | { type: 'DissolveUnit'; data: UnitEventData<'UnitDissolved'> }
  | { type: 'RecordEarlierParent'; data: UnitEventData<'EarlierParentRecorded'> & { parentExists: boolean } }
  | { type: 'SetUnitAliases'; data: UnitEventData<'UnitAliasesSet'> }
  | { type: 'ReorganiseUnit'; data: UnitEventData<'UnitReorganised'> & { parentExists: boolean } }
  | { type: 'SplitUnit'; data: UnitEventData<'UnitSplit'> & { intoExist: boolean } };

type UnitEventData<T extends UnitEvent['type']> = Extract<UnitEvent, { type: T }>['data'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** National codes are digits; agencies are `<unit code>.<ABBREVIATION>`. */
const CODE = /^(\d{2,5}|\d{2,5}\.[A-Z0-9_-]{1,20})$/;

function day(value: Day | null, field: string): void {
  if (value !== null && (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
    throw new DomainError('UNIT.INVALID_DATE', `Ngày "${value}" không hợp lệ (định dạng YYYY-MM-DD).`, { field });
  }
}

function established(state: UnitState, code?: string): EstablishedUnit {
  if (state.status === 'absent')
    throw new DomainError('UNIT.NOT_FOUND', `Không tìm thấy đơn vị${code ? ` có mã "${code}"` : ''}.`, { kind: 'NOT_FOUND', field: 'code' });
  return state;
}

function current(state: UnitState): EstablishedUnit {
  const unit = established(state);
  if (hasEnded(unit)) {
    const how = unit.mergedInto
      ? `sáp nhập vào ${unit.mergedInto}`
      : unit.dissolved
        ? 'giải thể'
        : `chia tách vào ${unit.successors.map((s) => s.code).join(', ')}`;
    throw new DomainError('UNIT.ALREADY_ENDED', `Đơn vị ${unit.code} đã ${how}; không thể thay đổi thêm.`, { kind: 'CONFLICT' });
  }
  return unit;
}

function after(unit: EstablishedUnit, effectiveOn: Day, field: string): void {
  day(effectiveOn, field);
  const from = lastPeriod(unit).validFrom;
  if (from !== null && effectiveOn <= from) {
    throw new DomainError('UNIT.INVALID_DATE', `Ngày hiệu lực ${effectiveOn} phải sau ngày bắt đầu của thời kỳ hiện tại (${from}).`, { field });
  }
}

/** Trimmed, each once, none empty, none the name itself, at most 20 of at most 200 characters. */
function checkAliases(aliases: readonly string[], name: string, field: string): string[] {
  const out: string[] = [];
  aliases.forEach((alias, i) => {
    const text = alias.normalize('NFC').replace(/\s+/gu, ' ').trim();
    if (!text) throw new DomainError('UNIT.ALIAS_EMPTY', `Tên gọi khác thứ ${i + 1} không được để trống.`, { field: `${field}[${i}]` });
    if (text.length > 200) throw new DomainError('UNIT.ALIAS_TOO_LONG', `Tên gọi khác thứ ${i + 1} dài quá 200 ký tự.`, { field: `${field}[${i}]` });
    if (text !== name.trim() && !out.includes(text)) out.push(text);
  });
  if (out.length > 20) throw new DomainError('UNIT.TOO_MANY_ALIASES', 'Một đơn vị có tối đa 20 tên gọi khác.', { field });
  return out;
}

/** A change of the structure cites the act that made it. */
function sourced(source: string): void {
  if (!source.trim()) throw new DomainError('UNIT.SOURCE_REQUIRED', 'Cần nêu văn bản quyết định thay đổi (nghị quyết, luật...).', { field: 'source' });
}

function decide(command: UnitCommand, state: UnitState): UnitEvent[] {
  switch (command.type) {
    case 'EstablishUnit': {
      const { parentExists, ...data } = command.data;
      if (state.status !== 'absent')
        throw new DomainError('UNIT.ALREADY_ESTABLISHED', `Đơn vị có mã "${data.code}" đã tồn tại.`, { kind: 'CONFLICT', field: 'code' });
      if (!CODE.test(data.code)) throw new DomainError('UNIT.INVALID_CODE', `Mã đơn vị "${data.code}" không hợp lệ.`, { field: 'code' });
      if (!data.name.trim()) throw new DomainError('UNIT.NAME_REQUIRED', 'Tên đơn vị không được để trống.', { field: 'name' });
      if (!UNIT_LEVELS.includes(data.level)) throw new DomainError('UNIT.INVALID_LEVEL', `Cấp "${data.level}" không hợp lệ.`, { field: 'level' });
      if (data.level === 'PROVINCE' ? data.parentCode !== null : data.parentCode === null) {
        throw new DomainError('UNIT.INVALID_PARENT', data.level === 'PROVINCE' ? 'Đơn vị cấp tỉnh không có đơn vị cấp trên.' : 'Cần có đơn vị cấp trên.', {
          field: 'parentCode',
        });
      }
      if (data.parentCode !== null && !parentExists)
        throw new DomainError('UNIT.PARENT_NOT_FOUND', `Không tìm thấy đơn vị cấp trên "${data.parentCode}".`, { field: 'parentCode' });
      day(data.validFrom, 'validFrom');
      const { aliases: given, ...rest } = data;
      const aliases = checkAliases(given ?? [], data.name, 'aliases');
      // Stored as JSON: no `aliases` key at all when there are none (as before aliases existed).
      return [{ type: 'UnitEstablished', data: { ...rest, name: data.name.trim(), ...(aliases.length ? { aliases } : {}) } }];
    }
    case 'RenameUnit': {
      // Already so on that day (or last, for a day after its end): nothing to record, even for an ended unit.
      const as = periodOn(established(state), command.data.effectiveOn) ?? lastPeriod(established(state));
      if (as.name === command.data.name.trim() && as.type === command.data.type) return [];
      const unit = current(state);
      const period = lastPeriod(unit);
      if (!command.data.name.trim()) throw new DomainError('UNIT.NAME_REQUIRED', 'Tên đơn vị không được để trống.', { field: 'name' });
      if (period.name === command.data.name.trim() && period.type === command.data.type) return [];
      after(unit, command.data.effectiveOn, 'effectiveOn');
      return [{ type: 'UnitRenamed', data: { ...command.data, name: command.data.name.trim() } }];
    }
    case 'TransferUnit': {
      const { parentExists, ...data } = command.data;
      const unit = current(state);
      if (lastPeriod(unit).parentCode === data.parentCode) return [];
      if (data.parentCode === unit.code) throw new DomainError('UNIT.INVALID_PARENT', 'Đơn vị không thể trực thuộc chính nó.', { field: 'parentCode' });
      if (!parentExists) throw new DomainError('UNIT.PARENT_NOT_FOUND', `Không tìm thấy đơn vị cấp trên "${data.parentCode}".`, { field: 'parentCode' });
      after(unit, data.effectiveOn, 'effectiveOn');
      return [{ type: 'UnitTransferred', data }];
    }
    case 'MergeUnit': {
      const { intoExists, ...data } = command.data;
      const unit = current(state);
      if (data.intoCode === unit.code) throw new DomainError('UNIT.INVALID_MERGE', 'Không thể sáp nhập đơn vị vào chính nó.', { field: 'intoCode' });
      if (!intoExists) throw new DomainError('UNIT.NOT_FOUND', `Không tìm thấy đơn vị nhận sáp nhập "${data.intoCode}".`, { field: 'intoCode' });
      after(unit, data.effectiveOn, 'effectiveOn');
      return [{ type: 'UnitMerged', data }];
    }
    case 'DissolveUnit': {
      const unit = current(state);
      after(unit, command.data.effectiveOn, 'effectiveOn');
      return [{ type: 'UnitDissolved', data: command.data }];
    }
    case 'RecordEarlierParent': {
      const { parentExists, ...data } = command.data;
      const unit = established(state);
      day(data.until, 'until');
      const first = unit.periods[0];
      const inside = (first.validFrom === null || first.validFrom < data.until) && (first.validTo === null || data.until < first.validTo);
      if (!inside) throw new DomainError('UNIT.INVALID_DATE', `Ngày ${data.until} phải nằm trong thời kỳ đầu tiên đã ghi nhận của đơn vị.`, { field: 'until' });
      if (first.parentCode === data.parentCode) return [];
      if (!parentExists) throw new DomainError('UNIT.PARENT_NOT_FOUND', `Không tìm thấy đơn vị cấp trên "${data.parentCode}".`, { field: 'parentCode' });
      return [{ type: 'EarlierParentRecorded', data }];
    }
    case 'SetUnitAliases': {
      const unit = current(state);
      const aliases = checkAliases(command.data.aliases, lastPeriod(unit).name, 'aliases');
      if (JSON.stringify(aliases) === JSON.stringify(unit.aliases)) return [];
      return [{ type: 'UnitAliasesSet', data: { aliases } }];
    }
    case 'ReorganiseUnit': {
      const { parentExists, ...data } = command.data;
      const unit = current(state);
      const period = lastPeriod(unit);
      const name = data.name.trim();
      if (!name) throw new DomainError('UNIT.NAME_REQUIRED', 'Tên đơn vị không được để trống.', { field: 'name' });
      if (unit.level === 'PROVINCE' ? data.parentCode !== null : data.parentCode === null) {
        throw new DomainError('UNIT.INVALID_PARENT', unit.level === 'PROVINCE' ? 'Đơn vị cấp tỉnh không có đơn vị cấp trên.' : 'Cần có đơn vị cấp trên.', {
          field: 'parentCode',
        });
      }
      if (data.parentCode === unit.code) throw new DomainError('UNIT.INVALID_PARENT', 'Đơn vị không thể trực thuộc chính nó.', { field: 'parentCode' });
      if (period.name === name && period.type === data.type && period.parentCode === data.parentCode) return [];
      if (data.parentCode !== null && !parentExists)
        throw new DomainError('UNIT.PARENT_NOT_FOUND', `Không tìm thấy đơn vị cấp trên "${data.parentCode}".`, { field: 'parentCode' });
      sourced(data.source);
      after(unit, data.effectiveOn, 'effectiveOn');
      return [{ type: 'UnitReorganised', data: { ...data, name } }];
    }
    case 'SplitUnit': {
      const { intoExist, ...data } = command.data;
      const unit = current(state);
      const others = data.intoCodes.filter((code) => code !== unit.code);
      if (others.length === 0)
        throw new DomainError('UNIT.INVALID_SPLIT', 'Cần ít nhất một đơn vị khác nhận một phần của đơn vị bị chia tách.', { field: 'intoCodes' });
      if (new Set(data.intoCodes).size !== data.intoCodes.length)
        throw new DomainError('UNIT.INVALID_SPLIT', 'Danh sách đơn vị nhận có mã trùng nhau.', { field: 'intoCodes' });
      if (!intoExist) throw new DomainError('UNIT.NOT_FOUND', `Không tìm thấy một trong các đơn vị nhận: ${others.join(', ')}.`, { field: 'intoCodes' });
      sourced(data.source);
      after(unit, data.effectiveOn, 'effectiveOn');
      return [{ type: 'UnitSplit', data }];
    }
    default:
      return assertNever(command, 'unit command');
  }
}

/** The periods are folded from the facts the stored events state (unit-events.ts). */
const evolve = (state: UnitState, event: UnitEvent): UnitState => evolveUnit(state, factOf(event));

export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = { decide, evolve, initialState: { status: 'absent' } };

export const unitStreamId = (code: string) => `unit-${code}`;
