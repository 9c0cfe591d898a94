// Test settings every workspace package shares. scripts/test.mjs sums the JSON report each package writes.
export const TEST_REPORT_FILE = "test-results.json";

export const testDefaults = {
  include: ["test/**/*.test.ts"],
  reporters: ["default", "json"],
  outputFile: { json: TEST_REPORT_FILE },
};
