import { defineConfig } from "vitest/config";
import { testDefaults } from "../scripts/vitest-defaults.mjs";

// Unit tests of the pure parts only (statistics, consumer source, report rendering): no timing, no network.
export default defineConfig({ test: { ...testDefaults } });
