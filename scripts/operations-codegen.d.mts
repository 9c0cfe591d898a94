export interface SpecOperation {
  name: string;
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  source: string | undefined;
  tag: string | undefined;
  deprecated: boolean;
  pagination: Record<string, unknown> | undefined;
}
export function operationName(operationId: string): string;
export function readOperations(specFile: string, spec: unknown): SpecOperation[];
export function renderOperations(operations: SpecOperation[]): string;
export function renderPaginatorsByPath(operations: SpecOperation[]): string;
export function renderOperationTable(specFile: string, spec: unknown, operations: SpecOperation[]): string;
export function withOperationTable(file: string, readme: string, table: string): string;
