export interface ExampleCall {
  operationId: string;
  /** Upper case, e.g. `GET`. */
  method: string;
  /** The path template, e.g. `/v1/applications/{uid}`. */
  path: string;
  params: { path: Record<string, unknown>; query: Record<string, unknown> };
  body: unknown;
  hasBody: boolean;
  /** The first documented 2xx status. */
  status: number;
  /** Its first JSON example, when it has a JSON body. */
  response: unknown;
  hasJsonResponse: boolean;
}
export interface CallInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
}
export function callInit(call: ExampleCall): CallInit;
export function documentedValue(parameter: Record<string, unknown>, deref?: (value: unknown) => unknown): unknown;
export function exampleCalls(spec: Record<string, unknown>): ExampleCall[];
export function expandPath(template: string, pathParams: Record<string, unknown>): string;
export function queryString(query: Record<string, unknown>): string;
export function pathPattern(template: string): RegExp;
