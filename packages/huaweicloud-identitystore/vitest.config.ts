import { defineConfig } from "vitest/config";
import { testDefaults } from "../../scripts/vitest-defaults.mjs";

export default defineConfig({
  test: { ...testDefaults, globalSetup: ["../../scripts/prism-global-setup.mjs"] },
});
