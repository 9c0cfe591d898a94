// Named operations: one standalone function per operation of a spec (generated into each provider package),
// each a typed call of the client's path-based method. Standalone functions rather than client methods, so a
// bundle carries only the operations it imports, however many the spec has.
import type { MaybeOptionalInit } from "openapi-fetch";
import type { ApiClient, ApiResult, HttpMethod, InitParam, MediaType } from "./client.js";

/** Client paths that have `Method` on `Path`: any provider client whose spec has the operation. */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as openapi-fetch's FetchResponse puts on an operation.
export type PathsWith<Path extends string, Method extends HttpMethod> = { [P in Path]: { [M in Method]: Record<string | number, any> } };

/**
 * A named operation: `createThing(client, { params, body })` is `client.POST("/things", { params, body })`, with
 * the same typed parameters, body, result and errors.
 */
export type Operation<Path extends string, Method extends HttpMethod> = <
  Paths extends PathsWith<Path, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  client: ApiClient<Paths>,
  ...init: InitParam<Init>
) => Promise<ApiResult<Paths[Path][Method], Init, MediaType>>;

type MethodName = Uppercase<HttpMethod>;
type UntypedCall = (path: string, init?: unknown) => Promise<unknown>;

/** Builds a named operation; the generated operation modules call this once per operation. */
export function operation<Path extends string, Method extends HttpMethod>(method: Method, path: Path): Operation<Path, Method> {
  const name = method.toUpperCase() as MethodName;
  const call = (client: Record<MethodName, UntypedCall>, init?: unknown) => client[name](path, init);
  return call as unknown as Operation<Path, Method>;
}
