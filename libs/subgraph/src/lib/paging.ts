import { Type } from '@nestjs/common';
import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { DomainError } from '@reform/decider';

/**
 * Paging of every list that can grow (issue 15, ADR 0029): offset and limit, a total, and a
 * documented maximum per list. A list is never cut silently:
 * - `limit` above the list's maximum (or below 1), a negative `offset`: BAD_USER_INPUT naming the
 *   argument, in Vietnamese;
 * - a plain list field (`[T!]!`, the names clients already use) asked without `limit` answers every
 *   row from `offset`, or refuses (BAD_USER_INPUT on `limit`, with the total) when they are more
 *   than its maximum; with `limit` it answers that window, as asked;
 * - a page field (`…Page`) answers the window with `total` and `hasNextPage`.
 */
export interface PageArgs {
  readonly offset?: number | null;
  readonly limit?: number | null;
}

export interface PageWindow {
  readonly offset: number;
  readonly limit: number;
  /** The caller gave `limit`: a shorter answer is the page asked for, not a cut. */
  readonly limited: boolean;
  readonly max: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly hasNextPage: boolean;
}

const number = (n: number) => n.toLocaleString('vi-VN');

/** The window asked for, checked against the list's maximum page size. */
export function pageWindow(args: PageArgs, max: number): PageWindow {
  const { offset, limit } = args;
  if (limit !== null && limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > max)) {
    throw new DomainError('PAGE.LIMIT_OUT_OF_RANGE', `limit phải từ 1 đến ${number(max)} (số dòng tối đa của một trang danh sách này); lấy tiếp bằng offset.`, {
      field: 'limit',
      extensions: { max },
    });
  }
  if (offset !== null && offset !== undefined && (!Number.isInteger(offset) || offset < 0)) {
    throw new DomainError('PAGE.OFFSET_OUT_OF_RANGE', 'offset phải là số nguyên không âm (số dòng bỏ qua từ đầu danh sách).', { field: 'offset' });
  }
  return { offset: offset ?? 0, limit: limit ?? max, limited: limit !== null && limit !== undefined, max };
}

/**
 * A plain list's answer: refused when the caller gave no `limit` and more rows remain than one
 * answer may hold (`what`: "nhiệm vụ được giao", "kế hoạch"...).
 */
export function refuseSilentCut(total: number, window: PageWindow, what: string, pageField?: string): void {
  if (window.limited || total - window.offset <= window.max) return;
  throw new DomainError(
    'PAGE.TOO_MANY_ROWS',
    `Danh sách có ${number(total)} ${what}, nhiều hơn ${number(window.max)} dòng một lần: dùng limit và offset để lấy từng trang${pageField ? ` (hoặc ${pageField}, có tổng số)` : ''}.`,
    { field: 'limit', extensions: { total, max: window.max } },
  );
}

/** A page of `items` (the window's rows, already cut) out of `total`. */
export function pageOf<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, total, offset: window.offset, limit: window.limit, hasNextPage: window.offset + items.length < total };
}

/** A window of an array already in memory (histories, timelines): the page and, for a plain list, the check. */
export function windowOf<T>(all: readonly T[], window: PageWindow): T[] {
  return all.slice(window.offset, window.offset + window.limit);
}

/**
 * The GraphQL type of a page of `item` (`name`: "AssignmentPage"), registered in a subgraph's
 * types (`registerIn`, see subgraphTypes) or shared when none; `shareable` when several subgraphs
 * declare it (HistoryPage, as HistoryEntry).
 */
export function pageType<T>(
  name: string,
  item: () => Type<T> | object,
  options: { registerIn?: Type<unknown>; description: string; shareable?: boolean },
): Type<Page<T>> {
  @ObjectType(name, { ...(options.registerIn ? { registerIn: options.registerIn } : {}), description: options.description })
  class PageOf implements Page<T> {
    @Field(() => [item()], { description: 'Các dòng của trang, theo thứ tự của danh sách.' }) items!: T[];
    @Field(() => Int, { description: 'Tổng số dòng của danh sách (mọi trang).' }) total!: number;
    @Field(() => Int, { description: 'Số dòng đã bỏ qua từ đầu danh sách.' }) offset!: number;
    @Field(() => Int, { description: 'Số dòng tối đa của trang.' }) limit!: number;
    @Field({ description: 'Còn dòng sau trang này (offset + số dòng của trang < total).' }) hasNextPage!: boolean;
  }
  if (options.shareable) Directive('@shareable')(PageOf);
  return PageOf;
}

/** The most events one answer of an entity's `history` holds; `historyPage` pages beyond. */
export const HISTORY_PAGE_MAX = 500;

/**
 * An entity's history (in memory: folding it needs every event) as `history(offset, limit)`
 * answers it: the window, refused when cut without `limit`.
 */
export function historyWindow<T>(all: readonly T[], args: PageArgs): T[] {
  const window = pageWindow(args, HISTORY_PAGE_MAX);
  refuseSilentCut(all.length, window, 'sự kiện', 'historyPage');
  return windowOf(all, window);
}

/** `historyPage(offset, limit)`: the window with the total. */
export function historyPageOf<T>(all: readonly T[], args: PageArgs): Page<T> {
  const window = pageWindow(args, HISTORY_PAGE_MAX);
  return pageOf(windowOf(all, window), all.length, window);
}
