import type { ScpClient } from "./client.js";
import { paginatorsByPath } from "./generated/paginators-by-path.js";
import type { InstanceListItem } from "./types.js";

export interface PaginateOptions {
  /** `query.page` is where to start (default 0), `query.size` the page size, `query.sort` e.g. `name:asc`. */
  params?: { query?: { page?: number; size?: number; sort?: string } };
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** The list paths `paginate` understands. */
export type ScpListPath = "/v1/instances";

/**
 * Every instance, page after page, until `count` instances were read or a page is empty.
 *
 * @deprecated Use `paginateListInstances(scp, init)`: the same iteration, plus `.pages()`, `.toArray()` and the
 * `maxItems`/`maxPages` guards, and a paginator for every other list.
 */
export async function* paginate(
  client: ScpClient,
  path: ScpListPath,
  options: PaginateOptions = {},
): AsyncGenerator<InstanceListItem, void, undefined> {
  yield* paginatorsByPath[path](client, options as never) as AsyncIterable<InstanceListItem>;
}
