// Type-only checks, run by `pnpm typecheck` (part of `pnpm test`): the calls shown in README.md compile,
// and the mistakes below do not. Nothing here is executed.
import {
  type ApplicationInstanceStatus,
  type CertificateStatus,
  createHuaweiCloudIdentityCenterClient,
  HuaweiCloudApiError,
  type HuaweiCloudCredentials,
  paginate,
  signRequest,
} from "../src/index.js";

const client = createHuaweiCloudIdentityCenterClient({ ak: "AK", sk: "SK", domainId: "d" });
const instance_id = "ins-8c1eef3a241945f6";
const application_instance_id = "app-ins-a033c907016a59ae";
const app = { instance_id, application_instance_id };
declare function fetchTemporaryCredentials(): Promise<HuaweiCloudCredentials>;

export async function readmeCalls() {
  createHuaweiCloudIdentityCenterClient({
    credentials: fetchTemporaryCredentials,
    domainId: "d",
    endpoint: "https://identitycenter.myhuaweicloud.com",
  });

  const { data: catalog } = await client.GET("/v1/catalog/applications", { params: { query: { limit: 50 } } });
  const applicationId = catalog.applications?.[0]?.application_id ?? "";
  const { data: templates } = await client.GET("/v1/application-templates", { params: { query: { application_id: applicationId } } });
  const { data: created } = await client.POST("/v1/instances/{instance_id}/application-instances", {
    params: { path: { instance_id } },
    body: { name: crypto.randomUUID(), template_id: templates.application_templates?.[0]?.template_id ?? "" },
  });
  const id: string | undefined = created.application_instance?.application_instance_id;
  const subject = created.application_instance?.response_config?.subject;
  if (subject !== null) console.log(id, subject?.source);

  for await (const item of paginate(client, "/v1/instances/{instance_id}/application-instances", { params: { path: { instance_id } } })) {
    const status: ApplicationInstanceStatus = item.status;
    console.log(item.application_instance_id, status);
  }
  await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/display-data", {
    params: { path: app },
    body: { display_name: "Payroll", description: "Payroll (SAML)" },
  });
  const { data: certificate } = await client.POST(
    "/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates",
    { params: { path: app } },
  );
  const certificate_id = certificate.application_instance_certificate?.certificate_id ?? "";
  const status: CertificateStatus | undefined = certificate.application_instance_certificate?.status;
  await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates/{certificate_id}", {
    params: { path: { ...app, certificate_id } },
  });
  // README "Rotate a certificate", verbatim.
  const certificates = "/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates";
  const { data: list } = await client.GET(certificates, { params: { path: app } });
  const old = list.application_instance_certificates?.find((c) => c.status === "ACTIVE");
  const { data: rotated } = await client.POST(certificates, { params: { path: app } });
  const rotatedId = rotated.application_instance_certificate!.certificate_id;
  await client.PUT(`${certificates}/{certificate_id}`, { params: { path: { ...app, certificate_id: rotatedId } } });
  if (old) await client.DELETE(`${certificates}/{certificate_id}`, { params: { path: { ...app, certificate_id: old.certificate_id } } });

  await client.DELETE("/v1/instances/{instance_id}/application-instances/{application_instance_id}", { params: { path: app } });
  try {
    await client.GET("/v1/instances");
  } catch (error) {
    if (error instanceof HuaweiCloudApiError) console.error(error.errorCode, error.errorMsg, error.requestId, error.isSignatureMismatch);
  }
  const { authorization } = signRequest({
    method: "GET",
    url: "https://identitycenter.myhuaweicloud.com/v1/instances",
    ak: "AK",
    sk: "SK",
    date: new Date(),
  });
  return [authorization, status];
}

export async function mistakes() {
  // @ts-expect-error -- template_id is required
  await client.POST("/v1/instances/{instance_id}/application-instances", { params: { path: { instance_id } }, body: { name: "n" } });
  // @ts-expect-error -- the path needs its instance_id
  await client.GET("/v1/instances/{instance_id}/application-instances");
  await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/status", {
    params: { path: app },
    // @ts-expect-error -- the status body accepts only ENABLED
    body: { status: "DISABLED" },
  });
  // @ts-expect-error -- ListApplicationTemplates requires application_id
  await client.GET("/v1/application-templates");
  // @ts-expect-error -- IAM Identity Center has no PATCH on application instances
  await client.PATCH("/v1/instances/{instance_id}/application-instances/{application_instance_id}", { params: { path: app } });
  // @ts-expect-error -- profiles are not marker-paginated
  paginate(client, "/v1/instances/{instance_id}/application-instances/{application_instance_id}/profiles", { params: { path: app } });
  // @ts-expect-error -- paginating application instances needs the instance_id
  paginate(client, "/v1/instances/{instance_id}/application-instances");
  // @ts-expect-error -- a credentials provider must return ak and sk
  createHuaweiCloudIdentityCenterClient({ credentials: async () => ({ ak: "AK" }) });
}
