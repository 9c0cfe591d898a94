import type { ExampleCall } from "../../scripts/example-calls.mjs";

export function callStatement(call: ExampleCall): string;
export function consumerSource(input: {
  packageName: string;
  factory: string;
  options: Record<string, unknown>;
  calls: ExampleCall[];
}): string;
