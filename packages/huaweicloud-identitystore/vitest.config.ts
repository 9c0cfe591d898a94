import { defineConfig } from "vitest/config";
import { testDefaults } from "../../scripts/vitest-defaults.mjs";

export default defineConfig({
  test: {
    ...testDefaults,
    globalSetup: ["../../scripts/prism-global-setup.mjs"],
    // The demo onboards a user across both Huawei packages: it needs the IAM Identity Center mock too (`prismUrls`).
    provide: { prismProviders: ["huaweicloud-identitycenter"] },
  },
});
