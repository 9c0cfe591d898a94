// @ts-check
// Onboarding with Siit: check the API key, create the new hire, give them Figma through the Okta-managed
// instance of the application, open the access request, and list the workspace's applications. `pnpm demo` runs
// it against a Prism mock; against the real API, call it with { baseUrl: "https://api.siit.io" } and SIIT_API_KEY set.
import {
  addApplicationUser,
  checkCredentials,
  createApplicationInstance,
  createRequest,
  createSiitClient,
  createUser,
  paginateListApplications,
  readRateLimit,
  SiitApiError,
} from "@identity-clients/siit";

/** @param {{ baseUrl: string, apiKey?: string, log?: (...values: unknown[]) => void }} options */
export default async function demo({ baseUrl, apiKey = process.env.SIIT_API_KEY ?? "demo-api-key", log = console.log }) {
  const siit = createSiitClient({ apiKey, baseUrl });
  const figma = "s_4Qm8Xr2Tb6";

  // A key that Siit refuses fails here, before anything is created.
  await checkCredentials(siit);

  // 1. The new hire.
  const { data: user } = await createUser(siit, {
    body: {
      email: "lea.dubois@acme.example",
      first_name: "Léa",
      last_name: "Dubois",
      job_title: "Account Executive",
      hire_date: "2025-02-03",
    },
  });
  const userUid = user.result?.uid ?? "";
  log(`Created user ${user.result?.full_name} (${userUid})`);

  // 2. Figma for them, and the Okta instance that manages Figma's seats.
  await addApplicationUser(siit, { params: { path: { uid: figma } }, body: { user_uid: userUid } });
  const { data: instance, response } = await createApplicationInstance(siit, {
    params: { path: { uid: figma } },
    body: { provider: "okta_actions", external_id: "0oa8f2k1xQzP4nR7d5d7", instance_name: "Figma (Okta production)" },
  });
  log(`Added to Figma; instance ${instance.result?.instance_name}`);
  log(`Requests left this minute: ${readRateLimit(response)?.remaining}`);

  // 3. The access request, so IT can track the seat.
  const { data: request } = await createRequest(siit, {
    body: { title: "Access to Figma", submitted_from: "employee_portal", requested_by: userUid, target: figma, priority: "medium" },
  });
  log(`Opened request ${request.result?.friendly_id} (${request.result?.status})`);

  // Every application of the workspace, across as many pages as there are.
  let count = 0;
  for await (const application of paginateListApplications(siit, { params: { query: { per_page: 50 } } })) {
    count += 1;
    log(`Application ${application.uid}: ${application.name} (${application.status})`);
  }
  log(`${count} application(s) in all.`);

  // A duplicate instance is a 409; the mock answers it when asked with `Prefer: code=409`.
  try {
    await createApplicationInstance(siit, {
      params: { path: { uid: figma } },
      body: { provider: "okta_actions", external_id: "0oa8f2k1xQzP4nR7d5d7" },
      headers: { Prefer: "code=409" },
    });
  } catch (error) {
    if (!(error instanceof SiitApiError)) throw error;
    log(`Expected failure: ${error.message}`);
  }
}
