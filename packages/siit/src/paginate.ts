import type { SiitClient } from "./client.js";
import type { paths } from "./generated/openapi.js";
import { paginatorsByPath } from "./generated/paginators-by-path.js";

type JsonOf<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;
type ListBody<Path extends keyof paths> = paths[Path] extends { get: { responses: { 200: infer Ok } } } ? JsonOf<Ok> : never;

/** The GET paths that have a paginator. */
export type SiitListPath = keyof typeof paginatorsByPath;

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

type UntypedPaginator = (client: SiitClient, init?: unknown) => AsyncIterable<unknown>;

/**
 * Every item of a paginated Siit list, by path.
 *
 * @deprecated Use the list's own paginator, e.g. `paginateListApplications(siit, init)` for `/v1/applications`:
 * the same iteration, plus `.pages()`, `.toArray()` and the `maxItems`/`maxPages` guards.
 */
export async function* paginate<Path extends SiitListPath>(
  client: SiitClient,
  path: Path,
  ...[options]: PaginateArgs<Path>
): AsyncGenerator<SiitListItem<Path>, void, undefined> {
  const paginator = paginatorsByPath[path] as unknown as UntypedPaginator;
  yield* paginator(client, options) as AsyncIterable<SiitListItem<Path>>;
}
