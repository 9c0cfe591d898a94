export interface ContractCase {
  operationId: string;
  /** The generated function's name, e.g. `createApplicationInstance`. */
  name: string;
  /** `METHOD /path/{template}`. */
  operation: string;
  /** The call's `{ params, body }`, from the spec's parameter and request-body examples. */
  init: { params?: { path?: Record<string, unknown>; query?: Record<string, unknown> }; body?: unknown };
  /** The documented status: the first 2xx in `success`, each error status in `errors`. */
  status: number;
  /** The first JSON example of the first 2xx answer (success cases). */
  example: unknown;
  hasJsonResponse: boolean;
}
/** Every operation of `specs/<provider>/openapi.yaml` as a call to make, and each documented error status of each. */
export function contractCases(provider: string): { success: ContractCase[]; errors: ContractCase[] };
