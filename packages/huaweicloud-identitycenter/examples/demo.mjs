// @ts-check
// Walks through the IAM Identity Center client: create a permission set with a managed policy, provision it and
// wait, assign a user to an account and wait (the README's worked example); then pick a catalog template, create an
// application instance, list them all, update its display data, rotate its certificate, delete it, and handle a
// typed error.
// `pnpm demo` runs it against a Prism mock; against the real service, call it with
// { baseUrl: "https://identitycenter.myhuaweicloud.com" } and HUAWEICLOUD_SDK_AK/_SK/_DOMAIN_ID set.
import {
  attachManagedPolicyToPermissionSet,
  createAccountAssignment,
  createHuaweiCloudIdentityCenterClient,
  createPermissionSet,
  HuaweiCloudApiError,
  listInstances,
  paginate,
  provisionPermissionSet,
  waitUntilAccountAssignmentCreated,
  waitUntilPermissionSetProvisioned,
} from "@identity-clients/huaweicloud-identitycenter";

/** @param {{ baseUrl: string, instanceId?: string, ak?: string, sk?: string, domainId?: string, log?: (...values: unknown[]) => void }} options */
export default async function demo({
  baseUrl,
  instanceId,
  // Defaults from the environment only when not passed: runtimes without `process` (a Worker) pass them.
  ak = process.env.HUAWEICLOUD_SDK_AK ?? "DEMOACCESSKEY0000001",
  sk = process.env.HUAWEICLOUD_SDK_SK ?? "demo-secret-key",
  domainId = process.env.HUAWEICLOUD_SDK_DOMAIN_ID ?? "8c1eef3a241945f69c3d3a6b0252e783",
  log = console.log,
}) {
  const client = createHuaweiCloudIdentityCenterClient({ ak, sk, domainId, endpoint: baseUrl });
  const { data: found } = await listInstances(client);
  const instance_id = instanceId ?? found.instances[0]?.instance_id ?? "";
  log("Instance:", instance_id);

  // A permission set with a system-defined policy, provisioned to an account; then a user assigned to the account.
  const account = "0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b";
  const { data: permissionSet } = await createPermissionSet(client, {
    params: { path: { instance_id } },
    body: { name: "ReadOnlyOperators", description: "Read-only access for operators", session_duration: "PT8H" },
  });
  const permission_set_id = permissionSet.permission_set.permission_set_id ?? "";
  await attachManagedPolicyToPermissionSet(client, {
    params: { path: { instance_id, permission_set_id } },
    body: { managed_policy_id: "fb5a1d9b-3c73-4b5e-a2c4-1b2d3e4f5a6b", managed_policy_name: "ECSReadOnlyPolicy" },
  });
  const { data: provisioning } = await provisionPermissionSet(client, {
    params: { path: { instance_id, permission_set_id } },
    body: { target_type: "ACCOUNT", target_id: account },
  });
  const provisioned = await waitUntilPermissionSetProvisioned(client, {
    instance_id,
    request_id: provisioning.permission_set_provisioning_status.request_id,
  });
  log(`Permission set ${permissionSet.permission_set.name} (${permission_set_id}) provisioned to ${account}: ${provisioned.status}`);
  const { data: assigning } = await createAccountAssignment(client, {
    params: { path: { instance_id } },
    body: {
      permission_set_id,
      principal_type: "USER",
      principal_id: "7a4b1c2d-3e5f-4a6b-8c9d-0e1f2a3b4c5d",
      target_type: "ACCOUNT",
      target_id: account,
    },
  });
  const assigned = await waitUntilAccountAssignmentCreated(client, {
    instance_id,
    request_id: assigning.account_assignment_creation_status.request_id,
  });
  log(`${assigned.principal_type} ${assigned.principal_id} has ${permission_set_id} in ${assigned.target_id}: ${assigned.status}`);

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
