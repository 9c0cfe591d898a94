import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type User = Schemas["UserDto"];
/** A user as DescribeUsers returns it (with `email_verified`). */
export type UserDetail = Schemas["DescribeUserResp"];
export type Group = Schemas["GroupDto"];
/** A group as DescribeGroups returns it. */
export type GroupDetail = Schemas["DescribeGroupResp"];
export type GroupMembership = Schemas["GroupMembershipDto"];
export type GroupMembershipExistence = Schemas["GroupMembershipExistenceResultDto"];
export type MemberId = Schemas["MemberIdDto"];
export type Name = Schemas["NameDto"];
export type Email = Schemas["EmailDto"];
export type PhoneNumber = Schemas["PhoneNumberDto"];
export type Address = Schemas["AddressDto"];
export type Enterprise = Schemas["EnterpriseDto"];
export type Manager = Schemas["ManagerDto"];
export type ExternalId = Schemas["ExternalIdDto"];
export type AlternateIdentifier = Schemas["AlternateIdentifierDto"];
export type UniqueAttribute = Schemas["UniqueAttributeDto"];
export type AttributeOperation = Schemas["AttributeOperationDto"];
export type MfaDevice = Schemas["MfaDeviceDto"];
export type UserSession = Schemas["UserSessionDto"];
export type ExternalIdpConfiguration = Schemas["ExternalIdpConfigurationDto"];
export type IdpSamlConfig = Schemas["IdpSamlConfig"];
export type IdpCertificate = Schemas["IdpCertificate"];
export type SpCertificate = Schemas["SpCertificateDto"];
export type SpSamlConfig = Schemas["SpsamlConfig"];
export type SpOidcConfig = Schemas["SpoidcConfig"];
export type ProvisioningTenant = Schemas["ProvisioningTenant"];
/** A SCIM access token as ListBearerTokens returns it, without its value. */
export type BearerToken = Schemas["BearerToken"];
export type PasswordPolicy = Schemas["PasswordPolicyDto"];
export type PageInfo = Schemas["PageInfoDto"];
export type CreateUserRequest = Schemas["CreateUserReqBody"];
export type UpdateUserRequest = Schemas["UpdateUserReqBody"];
export type ResetPasswordRequest = Schemas["UpdatePwdModeReqBody"];
export type CreateGroupRequest = Schemas["CreateGroupReqBody"];
export type UpdateGroupRequest = Schemas["UpdateGroupReqBody"];
export type CreateGroupMembershipRequest = Schemas["CreateGroupMembershipReqBody"];
export type IsMemberInGroupsRequest = Schemas["IsMemberInGroupsReqBody"];
export type GetUserIdRequest = Schemas["GetUserIdReqBody"];
export type GetGroupIdRequest = Schemas["GetGroupIdReqBody"];
export type GetGroupMembershipIdRequest = Schemas["GetGroupMembershipIdReqBody"];
export type CreateExternalIdpConfigurationRequest = Schemas["CreateIdpReqBody"];
export type UpdateExternalIdpConfigurationRequest = Schemas["UpdateExternalIdPConfigurationForDirectoryReqBody"];
export type ImportExternalIdpCertificateRequest = Schemas["ImportExternalIdPCertificateReqBody"];
export type UpdatePasswordPolicyRequest = Schemas["UpdatePasswordPolicyReqBody"];
