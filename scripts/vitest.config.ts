import { defineConfig } from "vitest/config";
import { testDefaults } from "./vitest-defaults.mjs";

export default defineConfig({
  test: {
    ...testDefaults,
    // CLI tests start Node processes that load TypeScript and redocly: seconds each on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
