// @ts-check
// Walks through the Siit client: create an application instance, page through applications,
// read the rate limit, and handle a typed error. `pnpm demo` runs it against a Prism mock;
// against the real API, call it with { baseUrl: "https://api.siit.io" } and SIIT_API_KEY set.
import { createSiitClient, paginate, readRateLimit, SiitApiError } from "@identity-clients/siit";

/** @param {{ baseUrl: string, apiKey?: string, log?: (...values: unknown[]) => void }} options */
export default async function demo({ baseUrl, apiKey = process.env.SIIT_API_KEY ?? "demo-api-key", log = console.log }) {
  const siit = createSiitClient({ apiKey, baseUrl });

  // Register the Okta-managed instance of an application.
  const { data: created, response } = await siit.POST("/v1/applications/{uid}/instances", {
    params: { path: { uid: "s_2bX9kLq4T7" } },
    body: {
      provider: "okta_actions",
      external_id: "0oa8f2k1xQzP4nR7d5d7",
      instance_url: "https://acme.okta.com/home/slack/0oa8f2k1xQzP4nR7d5d7",
      instance_name: "Slack (Okta production)",
    },
  });
  log("Created application instance:", created.result);
  log("Rate limit after the call:", readRateLimit(response));

  // Iterate every application, across as many pages as there are.
  let count = 0;
  for await (const application of paginate(siit, "/v1/applications", { params: { query: { per_page: 50 } } })) {
    count += 1;
    log(`Application ${application.uid}: ${application.name} (${application.status})`);
  }
  log(`${count} application(s) in all.`);

  // A duplicate instance is a 409; the mock answers it when asked with `Prefer: code=409`.
  try {
    await siit.POST("/v1/applications/{uid}/instances", {
      params: { path: { uid: "s_2bX9kLq4T7" } },
      body: { provider: "okta_actions", external_id: "0oa8f2k1xQzP4nR7d5d7" },
      headers: { Prefer: "code=409" },
    });
  } catch (error) {
    if (!(error instanceof SiitApiError)) throw error;
    log(`Expected failure: ${error.message}`);
    log(`  status ${error.status}; troubleshoot: ${error.troubleshoot}`);
  }
}
