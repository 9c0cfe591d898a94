// Paginators: iterate every item of a list operation, page after page, in the style its spec declares
// (`x-pagination`). A paginator ends only on the list's documented end signal; anything else (a marker or page
// the server already sent, a list longer than a guard allows) is a PaginationError, never a silent stop.
import type { ClientOf, HttpMethod } from "./client.js";
import { IdentityClientError, InvalidRequestError, nameErrorClass } from "./errors.js";
import type { OperationInit, OperationInitArgs, OperationResult, PathsWith } from "./operation.js";

/** How a list pages, as `x-pagination` declares it. Field names are query parameters; `*` paths are dot paths in the body. */
export type PaginationStyle =
  /** `limit`/`marker`: the next page starts at the marker the previous page returned; ends when there is none. */
  | { style: "marker"; items: string; marker: string; nextMarker: string; limit?: string }
  /** Numbered pages with a total: ends when `count` items were read or on an empty page (never on a short one). */
  | { style: "page"; items: string; page: string; firstPage: number; size?: string; count?: string }
  /** Numbered pages with a link to the next: ends when the link is null (or a page is empty). */
  | { style: "link"; items: string; page: string; firstPage: number; nextLink: string };

export interface PaginateOptions {
  /** Fails with a PaginationError (`max-items`) when the list holds more items than this. Default: no limit. */
  maxItems?: number;
  /** Fails with a PaginationError (`max-pages`) when the list has more pages than this. Default 10 000. */
  maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 10_000;

export type PaginationProblem = "repeated-marker" | "repeated-page" | "max-items" | "max-pages";

/** A list could not be read to its end: the server repeated itself, or the list is longer than a guard allows. */
export class PaginationError extends IdentityClientError {
  /** The list operation, as `METHOD /path/{template}`. */
  readonly operation: string;
  readonly problem: PaginationProblem;
  /** Pages read before stopping. */
  readonly pages: number;
  /** Items yielded before stopping. */
  readonly items: number;

  constructor(init: { operation: string; problem: PaginationProblem; pages: number; items: number; detail: string }) {
    nameErrorClass(PaginationError, "PaginationError");
    super(`Paginating ${init.operation} stopped after ${init.pages} page(s) and ${init.items} item(s): ${init.detail}`);
    this.operation = init.operation;
    this.problem = init.problem;
    this.pages = init.pages;
    this.items = init.items;
  }
}

/** One page as the list operation answered it. */
export interface Page<Body> {
  data: Body;
  response: Response;
}

/** Every item of a list (`for await`), or every page (`pages()`). */
export interface PageIterator<Item, Body> extends AsyncIterable<Item> {
  /** The pages themselves, with their responses; the same end signal and guards. */
  pages(): AsyncIterable<Page<Body>>;
  /** Reads the whole list into an array. */
  toArray(): Promise<Item[]>;
}

type At<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? At<NonNullable<T>[Head & keyof NonNullable<T>], Rest>
  : NonNullable<T>[Path & keyof NonNullable<T>];
/** The item type of the array at dot path `Items` in a page's body. */
export type ItemOf<Body, Items extends string> = NonNullable<At<Body, Items>> extends readonly (infer Item)[] ? Item : never;

/** A generated paginator: `paginateListThings(client, init?, options?)` iterates every item of ListThings. */
export type Paginator<Path extends string, Method extends HttpMethod, Items extends string> = <Paths extends PathsWith<Path, Method>>(
  client: ClientOf<Paths>,
  ...args: [...OperationInitArgs<OperationInit<Paths[Path][Method]>>, options?: PaginateOptions]
) => PageIterator<ItemOf<OperationResult<Paths[Path][Method]>["data"], Items>, OperationResult<Paths[Path][Method]>["data"]>;

type UntypedClient = Record<string, (path: string, init?: unknown) => Promise<{ data: unknown; response: Response }>>;
type CallInit = { params?: { query?: Record<string, unknown>; [key: string]: unknown }; [key: string]: unknown };

/** Builds a paginator for one list operation; the generated operation modules call this once per list. */
export function paginator<Path extends string, Method extends HttpMethod, Items extends string>(
  method: Method,
  path: Path,
  style: PaginationStyle & { items: Items },
): Paginator<Path, Method, Items> {
  const httpMethod = method.toUpperCase();
  const create = (client: UntypedClient, init?: CallInit, options?: PaginateOptions) =>
    pageIterator(client, httpMethod, path, style, init ?? {}, options);
  return create as unknown as Paginator<Path, Method, Items>;
}

function readOptions(operation: string, options: PaginateOptions | undefined): Required<PaginateOptions> {
  const maxItems = options?.maxItems ?? Number.POSITIVE_INFINITY;
  const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES;
  for (const [name, value] of [
    ["maxItems", maxItems],
    ["maxPages", maxPages],
  ] as const) {
    if (!(value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value > 0))) {
      throw new InvalidRequestError(operation, name, `must be a positive integer, got ${String(value)}`, "paginator option");
    }
  }
  return { maxItems, maxPages };
}

function pageIterator(
  client: UntypedClient,
  method: string,
  path: string,
  style: PaginationStyle,
  init: CallInit,
  paginateOptions: PaginateOptions | undefined,
): PageIterator<unknown, unknown> {
  const operation = `${method} ${path}`;
  const options = readOptions(operation, paginateOptions);
  const call = client[method];
  if (typeof call !== "function") throw new InvalidRequestError(operation, "client", "is not an identity-clients client", "argument");
  const query = init.params?.query ?? {};

  async function* pages(): AsyncGenerator<Page<unknown> & { items: unknown[] }> {
    const cursor = createCursor(style, query, operation);
    for (let read = 0; ; ) {
      const pageInit = { ...init, params: { ...init.params, query: { ...query, ...cursor.query() } } };
      const { data, response } = await call!.call(client, path, pageInit);
      read += 1;
      const items = arrayAt(data, style.items);
      const repeated = cursor.check?.(items);
      if (repeated) throw new PaginationError({ operation, pages: read, items: cursor.itemsRead, ...repeated });
      yield { data, response, items };
      cursor.itemsRead += items.length;
      const problem = cursor.advance(data, items);
      if (problem === "done") return;
      if (problem) throw new PaginationError({ operation, pages: read, items: cursor.itemsRead, ...problem });
      if (read >= options.maxPages) {
        const detail = `the list has more than ${options.maxPages} pages (maxPages); raise it or narrow the query`;
        throw new PaginationError({ operation, problem: "max-pages", pages: read, items: cursor.itemsRead, detail });
      }
    }
  }

  async function* items(): AsyncGenerator<unknown> {
    let yielded = 0;
    let pagesRead = 0;
    for await (const page of pages()) {
      pagesRead += 1;
      for (const item of page.items) {
        if (yielded === options.maxItems) {
          const detail = `the list has more than ${options.maxItems} items (maxItems); raise it or narrow the query`;
          throw new PaginationError({ operation, problem: "max-items", pages: pagesRead, items: yielded, detail });
        }
        yielded += 1;
        yield item;
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    async *pages() {
      for await (const { data, response } of pages()) yield { data, response };
    },
    async toArray() {
      const all: unknown[] = [];
      for await (const item of items()) all.push(item);
      return all;
    },
  };
}

type Advance = "done" | undefined | { problem: PaginationProblem; detail: string };

interface Cursor {
  /** The query parameters of the next request. */
  query(): Record<string, unknown>;
  /** Checks a page before its items are yielded: a problem, or undefined. */
  check?(items: unknown[]): { problem: PaginationProblem; detail: string } | undefined;
  /** Reads a page (its items already counted in `itemsRead`): done, go on (undefined), or a problem. */
  advance(body: unknown, items: unknown[]): Advance;
  /** Items of the pages read so far; `check` sees the count before its page. */
  itemsRead: number;
}

function createCursor(style: PaginationStyle, query: Record<string, unknown>, operation: string): Cursor {
  switch (style.style) {
    case "marker":
      return markerCursor(style, query);
    case "page":
      return pageCursor(style, query, operation);
    case "link":
      return linkCursor(style, query, operation);
  }
}

function markerCursor(style: Extract<PaginationStyle, { style: "marker" }>, query: Record<string, unknown>): Cursor {
  let marker = query[style.marker];
  const seen = new Set<unknown>(marker === undefined ? [] : [marker]);
  const cursor: Cursor = {
    itemsRead: 0,
    query: () => (marker === undefined ? {} : { [style.marker]: marker }),
    advance(body) {
      const next = valueAt(body, style.nextMarker);
      if (next === undefined || next === null || next === "") return "done";
      if (seen.has(next)) {
        return { problem: "repeated-marker", detail: `the server returned ${style.nextMarker} ${JSON.stringify(next)} again` };
      }
      seen.add(next);
      marker = next;
      return undefined;
    },
  };
  return cursor;
}

function pageCursor(style: Extract<PaginationStyle, { style: "page" }>, query: Record<string, unknown>, operation: string): Cursor {
  const start = readPageNumber(query[style.page], style.firstPage, style.page, operation);
  let page = start;
  let firstPageLength: number | undefined;
  let previous: string | undefined;
  const cursor: Cursor = {
    itemsRead: 0,
    query: () => ({ [style.page]: page }),
    // A server that ignores `page` answers the same items again: caught before they are yielded twice.
    check(items) {
      const fingerprint = JSON.stringify(items);
      const repeated = items.length > 0 && fingerprint === previous;
      previous = fingerprint;
      if (!repeated) return undefined;
      const detail = `page ${page} holds the same items as page ${page - 1}: the server ignores \`${style.page}\``;
      return { problem: "repeated-page", detail };
    },
    advance(body, items) {
      if (items.length === 0) return "done";
      firstPageLength ??= items.length;
      const total = style.count === undefined ? undefined : valueAt(body, style.count);
      // Pages before the one the caller started at are counted at the server's page size (the first page's length).
      const skipped = (start - style.firstPage) * firstPageLength;
      if (typeof total === "number" && skipped + cursor.itemsRead >= total) return "done";
      page += 1;
      return undefined;
    },
  };
  return cursor;
}

function linkCursor(style: Extract<PaginationStyle, { style: "link" }>, query: Record<string, unknown>, operation: string): Cursor {
  let page = readPageNumber(query[style.page], style.firstPage, style.page, operation);
  const cursor: Cursor = {
    itemsRead: 0,
    query: () => ({ [style.page]: page }),
    advance(body, items) {
      const link = valueAt(body, style.nextLink);
      if (items.length === 0 || typeof link !== "string" || link === "") return "done";
      const named = Number(new URL(link, "https://example.invalid").searchParams.get(style.page) ?? Number.NaN);
      const next = Number.isInteger(named) ? named : page + 1;
      if (next <= page) {
        return { problem: "repeated-page", detail: `${style.nextLink} after page ${page} points to page ${next}` };
      }
      page = next;
      return undefined;
    },
  };
  return cursor;
}

function readPageNumber(value: unknown, firstPage: number, name: string, operation: string): number {
  if (value === undefined) return firstPage;
  const page = typeof value === "string" ? Number(value) : value;
  if (typeof page !== "number" || !Number.isInteger(page) || page < firstPage) {
    throw new InvalidRequestError(operation, name, `must be an integer >= ${firstPage}, got ${String(value)}`, "query parameter");
  }
  return page;
}

function valueAt(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function arrayAt(body: unknown, path: string): unknown[] {
  const value = valueAt(body, path);
  return Array.isArray(value) ? value : [];
}
