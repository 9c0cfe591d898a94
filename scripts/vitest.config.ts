import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CLI tests start Node processes that load TypeScript and redocly: seconds each on a busy 2-core machine.
    testTimeout: 30_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
  },
});
