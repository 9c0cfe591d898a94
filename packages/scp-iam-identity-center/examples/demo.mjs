// @ts-check
// Single sign-on on Samsung Cloud Platform, end to end: create an IAM Identity Center instance and wait until it is
// ready, create a user and a group and put the user in it, create a permission set with a managed policy, assign
// it to the group in an account, and list the account's assignments. `pnpm demo` runs it against a Prism mock;
// against the real API, call it with { baseUrl: "https://iam-identity-center.kr-west1.e.samsungsdscloud.com" } and
// SCP_ACCESS_KEY / SCP_SECRET_KEY set (in your own code, `createScpClient({ region: "kr-west1", env: "e" })`).
import {
  createAccountAssignment,
  createBulkGroupUsers,
  createGroup,
  createInstance,
  createPermissionSet,
  createScpClient,
  createUser,
  paginateListAccountAssignments,
  ScpApiError,
  showInstance,
  waitUntilInstanceReady,
} from "@identity-clients/scp-iam-identity-center";

/** @param {{ baseUrl: string, accessKey?: string, secretKey?: string, log?: (...values: unknown[]) => void }} options */
export default async function demo({
  baseUrl,
  accessKey = process.env.SCP_ACCESS_KEY ?? "demo-access-key",
  secretKey = process.env.SCP_SECRET_KEY ?? "demo-secret-key",
  log = console.log,
}) {
  const scp = createScpClient({ accessKey, secretKey, baseUrl });
  const account = "3265ab469f0d406d83073da3e11e7a6c"; // the account users will sign in to

  // 1. An instance backed by the built-in directory; creation is asynchronous, so wait for it.
  const { data: created } = await createInstance(scp, { body: { name: "Acme SSO", identity_store_type: "IDENTITY_CENTER_DIRECTORY" } });
  const instance = await waitUntilInstanceReady(scp, { instance_id: created.instance.id }, { minDelayMs: 1_000 });
  const instance_id = instance.id;
  log(`Instance ${instance_id} is ${instance.state}; users sign in at ${instance.sso_start_url}`);

  // 2. A user and a group, and the user in the group.
  const { data: user } = await createUser(scp, {
    body: { instance_id, user_id: "jdoe", name: "John Doe", email: "john.doe@example.com", temporary_password: true },
  });
  const { data: group } = await createGroup(scp, { body: { instance_id, name: "Admin_Group", description: "Administrators" } });
  await createBulkGroupUsers(scp, { params: { path: { group_id: group.group.id } }, body: { instance_id, user_uuids: [user.user.id] } });
  log(`User ${user.user.user_id} is in group ${group.group.name}`);

  // 3. A permission set with an IAM managed policy.
  const { data: permissionSet } = await createPermissionSet(scp, {
    body: { instance_id, name: "Admin_Permission_Set", session_duration: 3600, managed_policies: [{ name: "AdministratorAccess" }] },
  });
  log(`Permission set ${permissionSet.name} (${permissionSet.id})`);

  // 4. The group gets the permission set in the account.
  await createAccountAssignment(scp, {
    body: {
      instance_id,
      accounts: [{ target_account_id: account }],
      permission_sets: [{ permission_set_id: permissionSet.id }],
      principals: [{ principal_id: group.group.id, principal_type: "GROUP" }],
    },
  });
  for await (const assignment of paginateListAccountAssignments(scp, { params: { query: { instance_id, target_account_id: account } } })) {
    const sets = (assignment.permission_sets ?? []).map((set) => set.permission_set_name ?? set.permission_set_id).join(", ");
    log(`${assignment.principal_type} ${assignment.principal_name} has ${sets} in ${assignment.target_account_name}`);
  }

  // A missing instance is a 404; the mock answers it when asked with `Prefer: code=404`.
  try {
    await showInstance(scp, { params: { path: { instance_id: "ssoins-missing" } }, headers: { Prefer: "code=404" } });
  } catch (error) {
    if (!(error instanceof ScpApiError)) throw error;
    log(`Expected failure: ${error.message}`);
  }
}
