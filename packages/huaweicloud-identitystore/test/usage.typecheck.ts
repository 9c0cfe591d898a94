// Type-only checks, run by `pnpm typecheck` (part of `pnpm test`): the calls shown in README.md compile,
// and the mistakes below do not. Nothing here is executed.
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
  getUserId,
  HUAWEICLOUD_IDENTITYSTORE_REGIONS,
  HuaweiCloudApiError,
  type HuaweiCloudCredentials,
  type HuaweiCloudIdentityStoreRegion,
  isMemberInGroups,
  listSpCertificates,
  paginateListUsers,
  type SpCertificate,
  type User,
  updateUser,
} from "../src/index.js";

declare const projectId: string;
declare const ak: string;
declare const sk: string;
declare const myTokenService: {
  getTemporaryAccessKey(): Promise<{ access: string; secret: string; securitytoken: string; expires_at: string }>;
};

// README "Onboarding a user across both Huawei packages", verbatim.
export async function onboarding() {
  const iic = createHuaweiCloudIdentityCenterClient(); // HUAWEICLOUD_SDK_AK, _SK and _DOMAIN_ID
  const store = createHuaweiCloudIdentityStoreClient({ region: "ap-southeast-1" }); // the same AK/SK, HUAWEICLOUD_SDK_PROJECT_ID
  const account = "0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b"; // the member account the group gets access to

  // 1. The IAM Identity Center instance, and the identity store its users and groups live in.
  const { data: found } = await listInstances(iic);
  const { instance_id, identity_store_id } = found.instances[0]!;

  // 2. A user; the answer carries a one-time password to hand over (the client never logs it).
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

  // 3. A group, and the user in it.
  const { data: group } = await createGroup(store, {
    params: { path: { identity_store_id } },
    body: { display_name: "Engineering", description: "Engineering team" },
  });
  await createGroupMembership(store, {
    params: { path: { identity_store_id } },
    body: { group_id: group.group_id!, member_id: { user_id: user.user_id! } },
  });

  // 4. The group gets a permission set in the account; the assignment is asynchronous, so wait for it.
  const permissionSets = await paginateListPermissionSets(iic, { params: { path: { instance_id } } }).toArray();
  const readOnly = permissionSets.find((set) => set.name === "ReadOnlyOperators")!;
  const { data: assigning } = await createAccountAssignment(iic, {
    params: { path: { instance_id } },
    body: {
      permission_set_id: readOnly.permission_set_id!,
      principal_type: "GROUP",
      principal_id: group.group_id!,
      target_type: "ACCOUNT",
      target_id: account,
    },
  });
  await waitUntilAccountAssignmentCreated(iic, { instance_id, request_id: assigning.account_assignment_creation_status.request_id });
}

// README "Region, project and credentials" and "Users, groups and memberships", verbatim.
export async function readmeCalls() {
  const store = createHuaweiCloudIdentityStoreClient({ region: "ap-southeast-1", projectId, ak, sk });
  const fromEnv = createHuaweiCloudIdentityStoreClient({ region: "ap-southeast-1" });
  const rotating = createHuaweiCloudIdentityStoreClient({
    region: "ap-southeast-1",
    projectId,
    credentials: async () => {
      const { access, secret, securitytoken, expires_at } = await myTokenService.getTemporaryAccessKey();
      return { ak: access, sk: secret, securityToken: securitytoken, expiresAt: expires_at };
    },
  });

  const identity_store_id = "d-941407b4b3"; // instances[].identity_store_id of IAM Identity Center's ListInstances

  const { data: user } = await createUser(store, {
    params: { path: { identity_store_id } },
    body: {
      user_name: "alice",
      display_name: "Alice Zhang",
      name: { family_name: "Zhang", given_name: "Alice" },
      emails: [{ primary: true, type: "Work", value: "alice@example.com" }],
      password_mode: "OTP", // the answer carries a one-time password: hand it over, never log it
    },
  });

  // Find a user by name; update attributes (objects and arrays as JSON text, null deletes).
  const { data: found } = await getUserId(store, {
    params: { path: { identity_store_id } },
    body: { alternate_identifier: { unique_attribute: { attribute_path: "user_name", attribute_value: "alice" } } },
  });
  await updateUser(store, {
    params: { path: { identity_store_id, user_id: found.user_id! } },
    body: { operations: [{ attribute_path: "display_name", attribute_value: "Alice Zhang (Engineering)" }] },
  });

  for await (const each of paginateListUsers(store, { params: { path: { identity_store_id }, query: { limit: 50 } } })) {
    console.log(each.user_id, each.user_name, each.display_name);
  }

  // README "Errors".
  try {
    await createGroup(store, { params: { path: { identity_store_id } }, body: { display_name: "Engineering" } });
  } catch (error) {
    if (error instanceof HuaweiCloudApiError) {
      console.error(error.status, error.errorCode, error.errorMsg, error.requestId, error.isSignatureMismatch);
    }
  }

  const users: User[] = await paginateListUsers(store, { params: { path: { identity_store_id } } }).toArray();
  const { data: certificates } = await listSpCertificates(store, { params: { path: { identity_store_id } } });
  const first: SpCertificate | undefined = certificates[0];
  const { data: membership } = await isMemberInGroups(store, {
    params: { path: { identity_store_id } },
    body: { group_ids: ["g-1"], member_id: { user_id: user.user_id! } },
  });
  const region: HuaweiCloudIdentityStoreRegion = HUAWEICLOUD_IDENTITYSTORE_REGIONS[0];
  return [fromEnv, rotating, users, first, membership, region];
}

export async function mistakes() {
  const store = createHuaweiCloudIdentityStoreClient({ region: "ap-southeast-1", projectId, ak, sk });
  const identity_store_id = "d-941407b4b3";
  // @ts-expect-error -- not a region Identity Store is offered in
  createHuaweiCloudIdentityStoreClient({ region: "eu-west-0", projectId });
  // @ts-expect-error -- Identity Store's credentials are project-scoped: there is no domainId option
  createHuaweiCloudIdentityStoreClient({ region: "ap-southeast-1", domainId: "d" });
  // @ts-expect-error -- a credentials provider must return ak and sk
  createHuaweiCloudIdentityStoreClient({ region: "ap-southeast-1", credentials: async () => ({ ak: "AK" }) });
  const provided: HuaweiCloudCredentials = { ak: "AK", sk: "SK", projectId: "p" };
  // @ts-expect-error -- every path needs the identity_store_id
  await createGroup(store, { body: { display_name: "Engineering" } });
  // @ts-expect-error -- a group needs a display_name
  await createGroup(store, { params: { path: { identity_store_id } }, body: { description: "no name" } });
  await createUser(store, {
    params: { path: { identity_store_id } },
    body: {
      user_name: "alice",
      display_name: "Alice Zhang",
      name: { family_name: "Zhang", given_name: "Alice" },
      emails: [{ primary: true, type: "Work", value: "alice@example.com" }],
      // @ts-expect-error -- password_mode is OTP or EMAIL
      password_mode: "PLAIN",
    },
  });
  // @ts-expect-error -- paginating users needs the identity_store_id
  paginateListUsers(store);
  return provided;
}
