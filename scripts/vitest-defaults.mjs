// Test settings every workspace package shares. scripts/test.mjs sums the JSON report each package writes.
export const TEST_REPORT_FILE = "test-results.json";

export const testDefaults = {
  include: ["test/**/*.test.ts"],
  reporters: ["default", "json"],
  outputFile: { json: TEST_REPORT_FILE },
  // The budget of an in-process test: none takes a second on a quiet 2-core machine, but `pnpm test:stress` runs
  // suites at 8 times the cores' load, where vitest's default 5 s was seen to fire on a 1 s test. Tests that
  // start processes or make hundreds of calls (property tests over loopback) set a larger budget beside them.
  testTimeout: 20_000,
  hookTimeout: 30_000,
};
