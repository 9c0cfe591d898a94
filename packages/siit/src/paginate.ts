import { IdentityClientError } from "@identity-clients/core";
import type { SiitClient } from "./client.js";
import type { paths } from "./generated/openapi.js";

type JsonOf<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;
type ListBody<Path extends keyof paths> = paths[Path] extends { get: { responses: { 200: infer Ok } } } ? JsonOf<Ok> : never;

/** The GET paths that answer with Siit's list envelope `{ meta, results }`. */
export type SiitListPath = {
  [Path in keyof paths]: ListBody<Path> extends { results?: unknown[] } ? Path : never;
}[keyof paths];

/** The item type of a list path, e.g. `Application` for `/v1/applications`. */
export type SiitListItem<Path extends SiitListPath> = NonNullable<ListBody<Path>["results"]>[number];

type ListParameters<Path extends SiitListPath> = paths[Path] extends { get: { parameters: infer Parameters } } ? Parameters : never;
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how a key is tested for optionality.
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

export interface PaginateOptions<Path extends SiitListPath> {
  /** Path and query parameters; `query.page` is where to start (default 1), `query.per_page` the page size. */
  params?: ListParameters<Path>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type PaginateArgs<Path extends SiitListPath> =
  RequiredKeys<ListParameters<Path>> extends never
    ? [options?: PaginateOptions<Path>]
    : [options: PaginateOptions<Path> & { params: ListParameters<Path> }];

interface ListPage {
  meta?: { next_page_link?: string | null };
  results?: unknown[];
}

/**
 * Iterates every item of a paginated Siit list, requesting page after page (the page its
 * `next_page_link` names) until the API reports no next page. Errors (including rate limiting)
 * reject the iteration with a `SiitApiError`.
 *
 * @example
 * for await (const application of paginate(siit, "/v1/applications", { params: { query: { per_page: 50 } } })) {
 *   console.log(application.name);
 * }
 */
export async function* paginate<Path extends SiitListPath>(
  client: SiitClient,
  path: Path,
  ...[options]: PaginateArgs<Path>
): AsyncGenerator<SiitListItem<Path>, void, undefined> {
  const params = (options?.params ?? {}) as { query?: { page?: number } };
  let page = params.query?.page ?? 1;
  for (;;) {
    const init = { ...options, params: { ...params, query: { ...params.query, page } } };
    const { data } = (await client.GET(path as never, init as never)) as { data: ListPage | undefined };
    const results = data?.results ?? [];
    yield* results as SiitListItem<Path>[];
    const nextLink = data?.meta?.next_page_link;
    if (results.length === 0 || !nextLink) return;
    const next = nextPageNumber(nextLink, page);
    if (next <= page) {
      // A server or proxy that ignores `page` would otherwise repeat the same items forever.
      throw new IdentityClientError(`Siit's next_page_link after page ${page} points to page ${next}; stopping instead of repeating items`);
    }
    page = next;
  }
}

/** The `page` named by Siit's next_page_link; page + 1 when the link does not say. */
function nextPageNumber(link: string, page: number): number {
  const named = new URL(link, "https://api.siit.io").searchParams.get("page");
  const parsed = named === null ? Number.NaN : Number(named);
  return Number.isInteger(parsed) ? parsed : page + 1;
}
