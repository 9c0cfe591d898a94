import type { Paginator } from "@identity-clients/core";
import type { HuaweiCloudIdentityStoreClient } from "./client.js";
import type { paths } from "./generated/openapi.js";
import { paginatorsByPath } from "./generated/paginators-by-path.js";

type JsonOf<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;
type ListBody<Path extends keyof paths> = paths[Path] extends { get: { responses: { 200: infer Ok } } } ? JsonOf<Ok> : never;

/** The GET paths paginated with `limit`/`marker` and `page_info.next_marker`. */
export type HuaweiCloudListPath = keyof typeof paginatorsByPath;

type ItemsKey<Path extends HuaweiCloudListPath> =
  (typeof paginatorsByPath)[Path] extends Paginator<string, "get", infer Items> ? Items : never;

/** The item type of a list path, e.g. `User` for `/v1/identity-stores/{identity_store_id}/users`. */
export type HuaweiCloudListItem<Path extends HuaweiCloudListPath> =
  NonNullable<ListBody<Path>[ItemsKey<Path> & keyof ListBody<Path>]> extends readonly (infer Item)[] ? Item : never;

type ListParameters<Path extends HuaweiCloudListPath> = paths[Path] extends { get: { parameters: infer Parameters } } ? Parameters : never;
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how a key is tested for optionality.
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

export interface PaginateOptions<Path extends HuaweiCloudListPath> {
  /** Path and query parameters; `query.limit` is the page size, `query.marker` where to start. */
  params?: ListParameters<Path>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type PaginateArgs<Path extends HuaweiCloudListPath> =
  RequiredKeys<ListParameters<Path>> extends never
    ? [options?: PaginateOptions<Path>]
    : [options: PaginateOptions<Path> & { params: ListParameters<Path> }];

type UntypedPaginator = (client: HuaweiCloudIdentityStoreClient, init?: unknown) => AsyncIterable<unknown>;

/**
 * Every item of a marker-paginated list, by path.
 *
 * @deprecated Use the list's own paginator, e.g. `paginateListUsers(store, init)`: the same iteration,
 * plus `.pages()`, `.toArray()` and the `maxItems`/`maxPages` guards.
 */
export async function* paginate<Path extends HuaweiCloudListPath>(
  client: HuaweiCloudIdentityStoreClient,
  path: Path,
  ...[options]: PaginateArgs<Path>
): AsyncGenerator<HuaweiCloudListItem<Path>, void, undefined> {
  const paginator = paginatorsByPath[path] as unknown as UntypedPaginator;
  yield* paginator(client, options) as AsyncIterable<HuaweiCloudListItem<Path>>;
}
