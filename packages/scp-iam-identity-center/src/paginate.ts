import { IdentityClientError } from "@identity-clients/core";
import type { ScpClient } from "./client.js";
import type { InstanceListItem } from "./types.js";

export interface PaginateOptions {
  /** `query.page` is where to start (default 0), `query.size` the page size (default 20), `query.sort` e.g. `name:asc`. */
  params?: { query?: { page?: number; size?: number; sort?: string } };
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** The list paths `paginate` understands. */
export type ScpListPath = "/v1/instances";

const DEFAULT_PAGE_SIZE = 20;

/**
 * Iterates every instance, requesting page after page (`page` counts from 0) until a page is short or
 * empty, or `count` says there are no more. A server that ignores `page` (it answers another page
 * number, or repeats the previous page) stops the iteration with an error instead of looping forever.
 *
 * @example
 * for await (const instance of paginate(scp, "/v1/instances", { params: { query: { size: 50, sort: "name:asc" } } })) {
 *   console.log(instance.id, instance.name);
 * }
 */
export async function* paginate(
  client: ScpClient,
  path: ScpListPath,
  options: PaginateOptions = {},
): AsyncGenerator<InstanceListItem, void, undefined> {
  const query = options.params?.query ?? {};
  const size = query.size ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1)
    throw new IdentityClientError(`paginate: query.size must be a positive integer, got ${String(size)}`);
  let page = query.page ?? 0;
  if (!Number.isInteger(page) || page < 0)
    throw new IdentityClientError(`paginate: query.page must be an integer >= 0, got ${String(page)}`);
  let previousIds: string | undefined;
  for (;;) {
    const { data } = await client.GET(path, { ...options, params: { query: { ...query, page, size } } });
    const instances = data.instances ?? [];
    if (typeof data.page === "number" && data.page !== page) {
      throw new IdentityClientError(`SCP answered page ${data.page} when asked for page ${page}; stopping instead of repeating instances`);
    }
    const ids = JSON.stringify(instances.map((instance) => instance.id));
    if (instances.length > 0 && ids === previousIds) {
      throw new IdentityClientError(
        `SCP answered page ${page} with the same instances as page ${page - 1}; stopping instead of repeating them`,
      );
    }
    yield* instances;
    if (instances.length < size) return;
    if (typeof data.count === "number" && (page + 1) * size >= data.count) return;
    previousIds = ids;
    page += 1;
  }
}
