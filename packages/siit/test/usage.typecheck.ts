// Type-only checks, run by `pnpm typecheck` (part of `pnpm test`): the calls shown in README.md compile,
// and the mistakes below do not. Nothing here is executed.
import {
  type Application,
  type ApplicationInstanceProvider,
  addApplicationUser,
  type CreateApplicationInstanceRequest,
  checkCredentials,
  createApplicationInstance,
  createRequest,
  createSiitClient,
  createUser,
  paginate,
  readRateLimit,
  SiitApiError,
} from "../src/index.js";

const siit = createSiitClient({ apiKey: "x" });
const uid = "s_2bX9kLq4T7";
const body: CreateApplicationInstanceRequest = { provider: "okta_actions", external_id: "0oa8f2k1xQzP4nR7d5d7" };

export async function readmeCalls() {
  await siit.GET("/v1/applications", { params: { query: { page: 1, per_page: 50, "expand[]": ["app_owner"] } } });
  await siit.POST("/v1/applications", { body: { name: "Slack", app_link: "https://slack.com" } });
  await siit.GET("/v1/applications/{uid}", { params: { path: { uid } } });
  await siit.PUT("/v1/applications/{uid}", { params: { path: { uid } }, body: { lifecycle: "deprecated" } });
  await siit.GET("/v1/applications/{uid}/users", { params: { path: { uid } } });
  await siit.POST("/v1/applications/{uid}/users", { params: { path: { uid } }, body: { user_uid: "u_1" } });
  const { data } = await siit.POST("/v1/applications/{uid}/instances", { params: { path: { uid } }, body });
  console.log(data.result?.uid, data.result?.instance_name);

  for await (const app of paginate(siit, "/v1/applications", { params: { query: { per_page: 50 } } })) console.log(app.name);
  for await (const user of paginate(siit, "/v1/applications/{uid}/users", { params: { path: { uid } } })) console.log(user.full_name);

  try {
    await siit.POST("/v1/applications/{uid}/instances", { params: { path: { uid } }, body });
  } catch (error) {
    if (error instanceof SiitApiError) console.error(error.status, error.detail, error.troubleshoot, error.rateLimit?.resetAt);
  }
  const { response } = await siit.GET("/v1/applications");
  const { limit, remaining, resetAt } = readRateLimit(response) ?? {};
  console.log(limit, remaining, resetAt);

  try {
    const valid: true = await checkCredentials(siit);
    console.log(valid);
  } catch (error) {
    if (error instanceof SiitApiError && error.status === 401) throw new Error("SIIT_API_KEY is not a valid Siit API key");
    throw error;
  }
}

export async function onboarding() {
  const figma = "s_4Qm8Xr2Tb6";
  await checkCredentials(siit);
  const { data: user } = await createUser(siit, {
    body: { email: "lea.dubois@acme.example", first_name: "Léa", last_name: "Dubois", hire_date: "2025-02-03" },
  });
  const user_uid = user.result?.uid ?? "";
  await addApplicationUser(siit, { params: { path: { uid: figma } }, body: { user_uid } });
  await createApplicationInstance(siit, {
    params: { path: { uid: figma } },
    body: { provider: "okta_actions", external_id: "0oa8f2k1xQzP4nR7d5d7" },
  });
  const { data: request } = await createRequest(siit, {
    body: { title: "Access to Figma", submitted_from: "employee_portal", requested_by: user_uid, target: figma },
  });
  console.log(request.result?.friendly_id, request.result?.status);
  // @ts-expect-error -- a request says where it was submitted from
  await createRequest(siit, { body: { title: "x" } });
}

export function openEnums(application: Application) {
  // A response enum the service may grow accepts values this release does not know, and still names the known ones.
  const source: Application["source"] = "a_source_siit_adds_later";
  const known: Application["source"] = "okta";
  const asText: string | undefined = application.source;
  return [source, known, asText];
}

export async function mistakes() {
  // @ts-expect-error -- the instance body is required
  await siit.POST("/v1/applications/{uid}/instances", { params: { path: { uid } } });
  // @ts-expect-error -- external_id is required
  await siit.POST("/v1/applications/{uid}/instances", { params: { path: { uid } }, body: { provider: "ms_entra" } });
  // @ts-expect-error -- not a provider Siit knows
  const provider: ApplicationInstanceProvider = "github";
  // @ts-expect-error -- the path needs its uid
  await siit.GET("/v1/applications/{uid}");
  // @ts-expect-error -- Siit documents no endpoint to list instances
  await siit.GET("/v1/applications/{uid}/instances", { params: { path: { uid } } });
  // @ts-expect-error -- paginating users needs the application uid
  paginate(siit, "/v1/applications/{uid}/users");
  // @ts-expect-error -- only list paths can be paginated
  paginate(siit, "/v1/applications/{uid}", { params: { path: { uid } } });
  // @ts-expect-error -- checkCredentials takes a Siit client, not an API key
  await checkCredentials("k-123");
  return provider;
}
