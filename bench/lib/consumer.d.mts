import type { ExampleCall } from "./operations.mjs";

export function callStatement(call: ExampleCall): string;
export function consumerSource(input: {
  packageName: string;
  factory: string;
  options: Record<string, unknown>;
  calls: ExampleCall[];
}): string;
