import { IdentityClientError } from "@identity-clients/core";
import type { HuaweiCloudIdentityCenterClient } from "./client.js";
import type { paths } from "./generated/openapi.js";

type JsonOf<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;
type ListBody<Path extends keyof paths> = paths[Path] extends { get: { responses: { 200: infer Ok } } } ? JsonOf<Ok> : never;

/** The property holding the items of each marker-paginated list. */
const ITEMS = {
  "/v1/instances": "instances",
  "/v1/instances/{instance_id}/application-instances": "application_instances",
  "/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates": "application_instance_certificates",
  "/v1/catalog/applications": "applications",
  "/v1/instances/{instance_id}/permission-sets": "permission_sets",
  "/v1/instances/{instance_id}/permission-sets/provisioning-statuses": "permission_sets_provisioning_status",
  "/v1/instances/{instance_id}/permission-sets/provisioned-to-accounts": "permission_sets",
  "/v1/instances/{instance_id}/permission-sets/{permission_set_id}/accounts": "account_ids",
  "/v1/instances/{instance_id}/permission-sets/{permission_set_id}/managed-policies": "attached_managed_policies",
  "/v1/instances/{instance_id}/permission-sets/{permission_set_id}/managed-roles": "attached_managed_roles",
  "/v1/instances/{instance_id}/account-assignments/creation-statuses": "account_assignments_creation_status",
  "/v1/instances/{instance_id}/account-assignments/deletion-statuses": "account_assignments_deletion_status",
  "/v1/instances/{instance_id}/account-assignments": "account_assignments",
  "/v1/instances/{instance_id}/account-assignments-for-principals": "account_assignments",
  "/v1/instances/{resource_type}/{resource_id}/tags": "tags",
  "/v1/instances/{instance_id}/applications": "applications",
  "/v1/application-providers": "application_providers",
  "/v1/instances/{instance_id}/applications/{application_instance_id}/assignments": "application_assignments",
  "/v1/instances/{instance_id}/application-assignments-for-principals": "application_assignments",
} as const satisfies { [Path in keyof paths]?: keyof ListBody<Path> & string };

/** The GET paths paginated with `limit`/`marker` and `page_info.next_marker`. */
export type HuaweiCloudListPath = keyof typeof ITEMS;

// Every list path with page_info is in ITEMS (a new one in the spec fails the type check here).
type PagedPaths = {
  [Path in keyof paths]: [ListBody<Path>] extends [never] ? never : "page_info" extends keyof ListBody<Path> ? Path : never;
}[keyof paths];
const everyPagedPath: Record<PagedPaths, true> = {
  "/v1/instances": true,
  "/v1/instances/{instance_id}/application-instances": true,
  "/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates": true,
  "/v1/catalog/applications": true,
  "/v1/instances/{instance_id}/permission-sets": true,
  "/v1/instances/{instance_id}/permission-sets/provisioning-statuses": true,
  "/v1/instances/{instance_id}/permission-sets/provisioned-to-accounts": true,
  "/v1/instances/{instance_id}/permission-sets/{permission_set_id}/accounts": true,
  "/v1/instances/{instance_id}/permission-sets/{permission_set_id}/managed-policies": true,
  "/v1/instances/{instance_id}/permission-sets/{permission_set_id}/managed-roles": true,
  "/v1/instances/{instance_id}/account-assignments/creation-statuses": true,
  "/v1/instances/{instance_id}/account-assignments/deletion-statuses": true,
  "/v1/instances/{instance_id}/account-assignments": true,
  "/v1/instances/{instance_id}/account-assignments-for-principals": true,
  "/v1/instances/{resource_type}/{resource_id}/tags": true,
  "/v1/instances/{instance_id}/applications": true,
  "/v1/application-providers": true,
  "/v1/instances/{instance_id}/applications/{application_instance_id}/assignments": true,
  "/v1/instances/{instance_id}/application-assignments-for-principals": true,
} satisfies Record<HuaweiCloudListPath, true>;
void everyPagedPath;

/** The item type of a list path, e.g. `ApplicationInstance` for `/v1/instances/{instance_id}/application-instances`. */
export type HuaweiCloudListItem<Path extends HuaweiCloudListPath> =
  NonNullable<ListBody<Path>[(typeof ITEMS)[Path]]> extends readonly (infer Item)[] ? Item : never;

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

interface ListPage {
  page_info?: { next_marker?: string | null };
  [items: string]: unknown;
}

/**
 * Iterates every item of a marker-paginated list: requests a page, yields its items, and requests the next
 * page with `marker` set to the previous `page_info.next_marker`, until that is absent, empty or `null`.
 * A marker the API already returned stops the iteration with an error rather than repeating items forever.
 *
 * @example
 * for await (const instance of paginate(client, "/v1/instances/{instance_id}/application-instances", {
 *   params: { path: { instance_id }, query: { limit: 50 } },
 * })) console.log(instance.application_instance_id);
 */
export async function* paginate<Path extends HuaweiCloudListPath>(
  client: HuaweiCloudIdentityCenterClient,
  path: Path,
  ...[options]: PaginateArgs<Path>
): AsyncGenerator<HuaweiCloudListItem<Path>, void, undefined> {
  const itemsKey = ITEMS[path];
  if (itemsKey === undefined) throw new IdentityClientError(`paginate: ${String(path)} is not a marker-paginated list`);
  const params = (options?.params ?? {}) as { query?: { marker?: string } };
  let marker = params.query?.marker;
  const seen = new Set<string>(marker === undefined ? [] : [marker]);
  for (;;) {
    const query = { ...params.query, ...(marker === undefined ? {} : { marker }) };
    const init = { ...options, params: { ...params, query } };
    const { data } = (await client.GET(path as never, init as never)) as { data: ListPage | undefined };
    const items = data?.[itemsKey];
    if (Array.isArray(items)) yield* items as HuaweiCloudListItem<Path>[];
    const next = data?.page_info?.next_marker;
    if (typeof next !== "string" || next === "") return;
    if (seen.has(next)) {
      throw new IdentityClientError(
        `IAM Identity Center returned next_marker ${JSON.stringify(next)} for ${path} again; stopping instead of repeating items`,
      );
    }
    seen.add(next);
    marker = next;
  }
}
