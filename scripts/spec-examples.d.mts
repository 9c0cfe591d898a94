export interface SpecOperation {
  operationId: string;
  path: string;
  method: string;
  responses: Record<string, unknown>;
  [key: string]: unknown;
}
export interface SpecResponse {
  content?: Record<string, { examples?: Record<string, { value: unknown }> }>;
  headers?: Record<string, unknown>;
  [key: string]: unknown;
}
export interface SpecReader {
  operations: SpecOperation[];
  operation(operationId: string): SpecOperation;
  /** The response object of one documented status, with a `$ref` to components/responses resolved. */
  response(operationId: string, status: string): SpecResponse;
  /** The named (or first) JSON example of a response. */
  responseExample(operationId: string, status: string, name?: string): unknown;
  /** The named JSON example of a request body, typed as the caller's body type. */
  requestExample<Body>(operationId: string, name: string): Body;
  hasJsonBody(operationId: string, status: string): boolean;
  /** Every non-2xx status some operation documents, sorted. */
  errorStatuses: string[];
}
/** Reads `specs/<provider>/openapi.yaml`. */
export function readSpec(provider: string): SpecReader;
