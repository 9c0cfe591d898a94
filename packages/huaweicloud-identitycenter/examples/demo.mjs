// @ts-check
// Walks through the IAM Identity Center client: pick a catalog template, create an application instance,
// list them all, update its display data, rotate its certificate, delete it, and handle a typed error.
// `pnpm demo` runs it against a Prism mock; against the real service, call it with
// { baseUrl: "https://identitycenter.myhuaweicloud.com" } and HUAWEICLOUD_SDK_AK/_SK/_DOMAIN_ID set.
import { createHuaweiCloudIdentityCenterClient, HuaweiCloudApiError, paginate } from "@identity-clients/huaweicloud-identitycenter";

/** @param {{ baseUrl: string, instanceId?: string, ak?: string, sk?: string, domainId?: string, log?: (...values: unknown[]) => void }} options */
export default async function demo({
  baseUrl,
  instanceId = "ins-8c1eef3a241945f6",
  ak = process.env.HUAWEICLOUD_SDK_AK ?? "DEMOACCESSKEY0000001",
  sk = process.env.HUAWEICLOUD_SDK_SK ?? "demo-secret-key",
  domainId = process.env.HUAWEICLOUD_SDK_DOMAIN_ID ?? "8c1eef3a241945f69c3d3a6b0252e783",
  log = console.log,
}) {
  const client = createHuaweiCloudIdentityCenterClient({ ak, sk, domainId, endpoint: baseUrl });
  const instance_id = instanceId;

  // 1. A catalog application and its template.
  const { data: catalog } = await client.GET("/v1/catalog/applications", { params: { query: { limit: 20 } } });
  const application = catalog.applications?.[0];
  log("Catalog application:", application?.application_id, application?.display?.display_name);
  const { data: templates } = await client.GET("/v1/application-templates", {
    params: { query: { application_id: application?.application_id ?? "" } },
  });
  const template = templates.application_templates?.[0];
  log("Template:", template?.template_id, template?.sso_protocol);

  // 2. Create an application instance from it.
  const { data: created } = await client.POST("/v1/instances/{instance_id}/application-instances", {
    params: { path: { instance_id } },
    body: { name: "a689ebed-1b68-44b0-af97-0be880c30127", template_id: template?.template_id ?? "" },
  });
  const application_instance_id = created.application_instance?.application_instance_id ?? "";
  log("Created application instance:", application_instance_id, created.application_instance?.status);
  const app = { instance_id, application_instance_id };

  // 3. Every application instance, across as many pages as there are.
  let count = 0;
  for await (const item of paginate(client, "/v1/instances/{instance_id}/application-instances", {
    params: { path: { instance_id }, query: { limit: 50 } },
  })) {
    count += 1;
    log(`  ${item.application_instance_id}: ${item.display?.display_name} (${item.status})`);
  }
  log(`${count} application instance(s) in all.`);

  // 4. Rename it.
  await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/display-data", {
    params: { path: app },
    body: { display_name: "Payroll", description: "Payroll (SAML)" },
  });
  log("Display data updated.");

  // 5. Rotate its certificate: create a new one, activate it, delete the old one.
  const { data: before } = await client.GET("/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates", {
    params: { path: app },
  });
  const old = before.application_instance_certificates?.find((certificate) => certificate.status === "ACTIVE");
  const { data: fresh } = await client.POST("/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates", {
    params: { path: app },
  });
  const certificate_id = fresh.application_instance_certificate?.certificate_id ?? "";
  const { data: activated } = await client.PUT(
    "/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates/{certificate_id}",
    {
      params: { path: { ...app, certificate_id } },
    },
  );
  log(
    "Activated certificate:",
    activated.application_instance_certificate?.certificate_id,
    activated.application_instance_certificate?.status,
  );
  if (old) {
    await client.DELETE("/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates/{certificate_id}", {
      params: { path: { ...app, certificate_id: old.certificate_id } },
    });
    log("Deleted the old certificate:", old.certificate_id);
  }

  // 6. Delete the application instance.
  await client.DELETE("/v1/instances/{instance_id}/application-instances/{application_instance_id}", { params: { path: app } });
  log("Deleted application instance:", application_instance_id);

  // A signature the gateway rejects is a 401 APIGW.0301; the mock answers it when asked with `Prefer: code=401`.
  try {
    await client.GET("/v1/instances", { headers: { Prefer: "code=401" } });
  } catch (error) {
    if (!(error instanceof HuaweiCloudApiError)) throw error;
    log(`Expected failure: ${error.message}`);
    log(`  error_code ${error.errorCode}, request id ${error.requestId}, signature mismatch: ${error.isSignatureMismatch}`);
  }
}
