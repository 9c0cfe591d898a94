import { defineConfig } from "vitest/config";
import { testDefaults } from "./vitest-defaults.mjs";

export default defineConfig({
  // Tests that start processes (Prism, turbo, git, the CLIs) or load the code generator set their own time
  // budgets beside them; everything else keeps the shared default.
  test: testDefaults,
});
