// Type-only checks, run by `pnpm typecheck` (part of `pnpm test`): the calls shown in README.md compile,
// and the mistakes below do not. Nothing here is executed.
import {
  type AccountAssignmentOperationStatus,
  type ApplicationInstanceStatus,
  attachManagedPolicyToPermissionSet,
  type CertificateStatus,
  createAccountAssignment,
  createApplicationInstanceCertificate,
  createHuaweiCloudIdentityCenterClient,
  createPermissionSet,
  deleteAccountAssignment,
  deleteApplicationInstance,
  deleteApplicationInstanceCertificate,
  HuaweiCloudApiError,
  type HuaweiCloudCredentials,
  listInstances,
  paginate,
  paginateListApplicationInstanceCertificates,
  provisionPermissionSet,
  signRequest,
  updateApplicationInstanceActiveCertificate,
  updateApplicationInstanceDisplayData,
  WaiterError,
  waitUntilAccountAssignmentCreated,
  waitUntilAccountAssignmentDeleted,
  waitUntilPermissionSetProvisioned,
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
  // README "Update display data", "Rotate a certificate" and "Delete", verbatim.
  const iic = client;
  await updateApplicationInstanceDisplayData(iic, {
    params: { path: app },
    body: { display_name: "Payroll", description: "Payroll (SAML)" },
  });
  const certificates = await paginateListApplicationInstanceCertificates(iic, { params: { path: app } }).toArray();
  const old = certificates.find((certificate) => certificate.status === "ACTIVE");
  const { data: rotated } = await createApplicationInstanceCertificate(iic, { params: { path: app } });
  const rotatedId = rotated.application_instance_certificate.certificate_id;
  await updateApplicationInstanceActiveCertificate(iic, { params: { path: { ...app, certificate_id: rotatedId } } }); // activate
  if (old) await deleteApplicationInstanceCertificate(iic, { params: { path: { ...app, certificate_id: old.certificate_id } } });
  await deleteApplicationInstance(iic, { params: { path: app } });
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

// README "A permission set, provisioned, and a user assigned to an account", verbatim.
export async function workedExample() {
  const iic = createHuaweiCloudIdentityCenterClient(); // HUAWEICLOUD_SDK_AK, _SK and _DOMAIN_ID
  const account = "0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b"; // the member account the user gets access to
  const user_id = "7a4b1c2d-3e5f-4a6b-8c9d-0e1f2a3b4c5d"; // a user of the instance's identity store

  // The account's IAM Identity Center instance.
  const { data: found } = await listInstances(iic);
  const { instance_id } = found.instances[0]!;

  // 1. A permission set: what its holders may do, and for how long a session lasts.
  const { data: created } = await createPermissionSet(iic, {
    params: { path: { instance_id } },
    body: { name: "ReadOnlyOperators", description: "Read-only access for operators", session_duration: "PT8H" },
  });
  const permission_set_id = created.permission_set.permission_set_id!;

  // 2. A system-defined identity policy attached to it.
  await attachManagedPolicyToPermissionSet(iic, {
    params: { path: { instance_id, permission_set_id } },
    body: { managed_policy_id: "fb5a1d9b-3c73-4b5e-a2c4-1b2d3e4f5a6b", managed_policy_name: "ECSReadOnlyPolicy" },
  });

  // 3. Provisioned to the account: asynchronous, so wait until it SUCCEEDED (a FAILED one rejects with its reason).
  const { data: provisioning } = await provisionPermissionSet(iic, {
    params: { path: { instance_id, permission_set_id } },
    body: { target_type: "ACCOUNT", target_id: account },
  });
  await waitUntilPermissionSetProvisioned(iic, { instance_id, request_id: provisioning.permission_set_provisioning_status.request_id });

  // 4. The user gets the permission set in the account; the assignment is asynchronous too.
  const { data: assigning } = await createAccountAssignment(iic, {
    params: { path: { instance_id } },
    body: { permission_set_id, principal_type: "USER", principal_id: user_id, target_type: "ACCOUNT", target_id: account },
  });
  const assignment = await waitUntilAccountAssignmentCreated(iic, {
    instance_id,
    request_id: assigning.account_assignment_creation_status.request_id,
  });
  console.log(assignment.status); // "SUCCEEDED"

  // The waiters' types: the status resolved, the failure and its last status.
  const status: AccountAssignmentOperationStatus = assignment;
  const { data: removing } = await deleteAccountAssignment(iic, {
    params: { path: { instance_id } },
    body: { permission_set_id, principal_type: "USER", principal_id: user_id, target_type: "ACCOUNT", target_id: account },
  });
  try {
    await waitUntilAccountAssignmentDeleted(
      iic,
      { instance_id, request_id: removing.account_assignment_deletion_status.request_id },
      { maxWaitMs: 60_000, onPoll: ({ poll }) => console.log(poll) },
    );
  } catch (error) {
    if (error instanceof WaiterError) console.error(error.reason, error.message, error.lastResult);
  }
  return status;
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
  // @ts-expect-error -- IAM Identity Center is a global service: its credentials are domain-scoped, not project-scoped
  createHuaweiCloudIdentityCenterClient({ ak: "AK", sk: "SK", projectId: "p" });
  // @ts-expect-error -- a waiter needs the request_id of the call it waits for
  await waitUntilPermissionSetProvisioned(client, { instance_id });
  await createAccountAssignment(client, {
    params: { path: { instance_id } },
    // @ts-expect-error -- an account assignment needs a principal_type (USER or GROUP)
    body: { permission_set_id: "ps", principal_id: "u", target_type: "ACCOUNT", target_id: "a" },
  });
}
