// Named operations: one standalone function per operation of a spec (generated into each provider package),
// each a typed call of the client's path-based method. Standalone functions rather than client methods, so a
// bundle carries only the operations it imports, however many the spec has.
//
// Their types are built for the compiler's sake: the operation's init and result are computed once per
// operation (not inferred per call from the argument, as openapi-fetch's path-based methods do), and the client
// is matched by its type-only paths property (`ClientOf`), not structurally. A consumer calling every one of the
// 81 IAM Identity Center operations type-checks about three times faster than with openapi-fetch's method types.
import type { HeadersOptions } from "openapi-fetch";
import type { SuccessResponse } from "openapi-typescript-helpers";
import type { ClientOf, HttpMethod } from "./client.js";

/** Client paths that have `Method` on `Path`: any provider client whose spec has the operation. */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as openapi-fetch's FetchResponse puts on an operation.
export type PathsWith<Path extends string, Method extends HttpMethod> = { [P in Path]: { [M in Method]: Record<string | number, any> } };

// biome-ignore lint/complexity/noBannedTypes: `{} extends T` is how "every key of T is optional" is tested.
type AllOptional<T> = {} extends T ? true : false;
type ParamsOption<Op> = Op extends { parameters: infer Params }
  ? AllOptional<Params> extends true
    ? { params?: Params }
    : { params: Params }
  : { params?: never };
type RequestBodyOf<Op> = Op extends { requestBody?: infer Body } ? NonNullable<Body> : never;
type BodyOption<Op> = [RequestBodyOf<Op>] extends [never]
  ? { body?: never }
  : RequestBodyOf<Op> extends { content: infer Content }
    ? Op extends { requestBody: unknown }
      ? { body: Content[keyof Content] }
      : { body?: Content[keyof Content] }
    : { body?: never };

/** The init argument of a named operation: its parameters and body as the spec has them, headers and a signal. */
export type OperationInit<Op> = ParamsOption<Op> &
  BodyOption<Op> & {
    /** Extra headers for this call. */
    headers?: HeadersOptions;
    /** Aborts the call (its attempts and waits). */
    signal?: AbortSignal | null;
  };

/** The init argument: optional when nothing in it is required. */
export type OperationInitArgs<Init> = AllOptional<Init> extends true ? [init?: Init] : [init: Init];

/** A successful named call: the typed body of its 2xx response, and the response itself (for headers). */
export interface OperationResult<Op> {
  // biome-ignore lint/suspicious/noExplicitAny: the same constraint as openapi-fetch's FetchResponse.
  data: Op extends { responses: infer Responses extends Record<string | number, any> } ? SuccessResponse<Responses> : never;
  response: Response;
}

/**
 * A named operation: `createThing(client, { params, body })` is `client.POST("/things", { params, body })`, with
 * the same typed parameters, body, result and errors.
 */
export type Operation<Path extends string, Method extends HttpMethod> = <Paths extends PathsWith<Path, Method>>(
  client: ClientOf<Paths>,
  ...init: OperationInitArgs<OperationInit<Paths[Path][Method]>>
) => Promise<OperationResult<Paths[Path][Method]>>;

type MethodName = Uppercase<HttpMethod>;
type UntypedCall = (path: string, init?: unknown) => Promise<unknown>;

/** Builds a named operation; the generated operation modules call this once per operation. */
export function operation<Path extends string, Method extends HttpMethod>(method: Method, path: Path): Operation<Path, Method> {
  const name = method.toUpperCase() as MethodName;
  const call = (client: Record<MethodName, UntypedCall>, init?: unknown) => client[name](path, init);
  return call as unknown as Operation<Path, Method>;
}
