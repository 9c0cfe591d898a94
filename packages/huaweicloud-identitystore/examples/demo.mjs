// @ts-check
// Onboards a user across both Huawei packages: find the identity store of the IAM Identity Center instance
// (ListInstances), create a user and a group in it, add the user to the group, and give the group a permission set
// in an account (CreateAccountAssignment, then wait for it). `pnpm demo` runs it against the Prism mocks of both
// services (`mocks` holds each mock's URL by provider folder); against the real services, call it with
// { baseUrl: "https://identitystore.ap-southeast-1.myhuaweicloud.com" } and HUAWEICLOUD_SDK_AK/_SK/_DOMAIN_ID/
// _PROJECT_ID set.
import {
  createAccountAssignment,
  createHuaweiCloudIdentityCenterClient,
  listInstances,
  paginateListPermissionSets,
  waitUntilAccountAssignmentCreated,
} from "@identity-clients/huaweicloud-identitycenter";
import {
  createGroup,
  createGroupMembership,
  createHuaweiCloudIdentityStoreClient,
  createUser,
  describeUser,
  HuaweiCloudApiError,
  paginateListGroupMembershipsForMember,
} from "@identity-clients/huaweicloud-identitystore";

/**
 * @param {{
 *   baseUrl: string,
 *   mocks?: Record<string, string>,
 *   account?: string,
 *   log?: (...values: unknown[]) => void,
 * }} options
 */
export default async function demo({ baseUrl, mocks = {}, account = "0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b", log = console.log }) {
  const env = process.env;
  const credentials = { ak: env.HUAWEICLOUD_SDK_AK ?? "DEMOACCESSKEY0000001", sk: env.HUAWEICLOUD_SDK_SK ?? "demo-secret-key" };
  const iic = createHuaweiCloudIdentityCenterClient({
    ...credentials,
    domainId: env.HUAWEICLOUD_SDK_DOMAIN_ID ?? "8c1eef3a241945f69c3d3a6b0252e783",
    ...(mocks["huaweicloud-identitycenter"] ? { endpoint: mocks["huaweicloud-identitycenter"] } : {}),
  });
  const store = createHuaweiCloudIdentityStoreClient({
    ...credentials,
    projectId: env.HUAWEICLOUD_SDK_PROJECT_ID ?? "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    endpoint: baseUrl,
  });

  // 1. The IAM Identity Center instance and its identity store.
  const { data: found } = await listInstances(iic);
  const instance = found.instances[0];
  if (!instance) throw new Error("IAM Identity Center is not enabled in this account");
  const { instance_id, identity_store_id } = instance;
  log(`Instance ${instance_id} keeps its users in identity store ${identity_store_id}`);

  // 2. A user, who signs in first with a one-time password (handed over, never logged).
  const { data: user } = await createUser(store, {
    params: { path: { identity_store_id } },
    body: {
      user_name: "alice",
      display_name: "Alice Zhang",
      name: { family_name: "Zhang", given_name: "Alice" },
      emails: [{ primary: true, type: "Work", value: "alice@example.com" }],
      password_mode: "OTP",
    },
  });
  const user_id = user.user_id ?? "";
  log(`Created user alice: ${user_id} (one-time password received: ${user.password !== undefined})`);

  // 3. A group, and the user in it.
  const { data: group } = await createGroup(store, {
    params: { path: { identity_store_id } },
    body: { display_name: "Engineering", description: "Engineering team" },
  });
  const group_id = group.group_id ?? "";
  const { data: membership } = await createGroupMembership(store, {
    params: { path: { identity_store_id } },
    body: { group_id, member_id: { user_id } },
  });
  log(`Added ${user_id} to group ${group_id}: membership ${membership.membership_id}`);
  const groups = await paginateListGroupMembershipsForMember(store, {
    params: { path: { identity_store_id }, query: { user_id } },
  }).toArray();
  log(`alice is in ${groups.length} group(s)`);

  // 4. The group gets a permission set in the account; the assignment is asynchronous, so wait for it.
  const permissionSets = await paginateListPermissionSets(iic, { params: { path: { instance_id } } }).toArray();
  const permissionSet = permissionSets.find((set) => set.name === "ReadOnlyOperators") ?? permissionSets[0];
  if (!permissionSet?.permission_set_id) throw new Error("no permission set to assign");
  const { data: assigning } = await createAccountAssignment(iic, {
    params: { path: { instance_id } },
    body: {
      permission_set_id: permissionSet.permission_set_id,
      principal_type: "GROUP",
      principal_id: group_id,
      target_type: "ACCOUNT",
      target_id: account,
    },
  });
  const assigned = await waitUntilAccountAssignmentCreated(iic, {
    instance_id,
    request_id: assigning.account_assignment_creation_status.request_id,
  });
  log(`Group ${group_id} has ${permissionSet.name} in account ${account}: ${assigned.status}`);

  // Errors from either client are the one HuaweiCloudApiError; the mock answers 404 when asked with `Prefer`.
  try {
    await describeUser(store, { params: { path: { identity_store_id, user_id: "no-such-user" } }, headers: { Prefer: "code=404" } });
  } catch (error) {
    if (!(error instanceof HuaweiCloudApiError)) throw error;
    log(`Expected failure: ${error.message}`);
  }
}
