import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type ApplicationInstance = Schemas["ApplicationInstanceDto"];
export type ApplicationInstanceStatus = ApplicationInstance["status"];
export type Certificate = Schemas["CertificateDto"];
export type CertificateStatus = Certificate["status"];
export type Display = Schemas["DisplayDto"];
export type IdentityProviderConfig = Schemas["IdentityProviderConfigDto"];
export type ResponseConfig = Schemas["ResponseConfigDto"];
export type ResponseSourceDetails = Schemas["ResponseSourceDetailsDto"];
export type ResponseSchemaConfig = Schemas["ResponseSchemaConfigDto"];
export type ResponseSchemaPropertiesDetails = Schemas["ResponseSchemaPropertiesDetailsDto"];
export type ResponseSchemaSubjectDetails = Schemas["ResponseSchemaSubjectDetailsDto"];
export type SecurityConfig = Schemas["SecurityConfigDto"];
export type ServiceProviderConfig = Schemas["ServiceProviderConfigDto"];
export type Consumer = Schemas["ConsumersDto"];
export type ApplicationTemplate = Schemas["ApplicationTemplateDto"];
export type CatalogApplication = Schemas["ApplicationTemplateDisplayDto"];
export type Instance = Schemas["InstanceMetadataEntryDto"];
export type ApplicationProfile = Schemas["ApplicationProfileDto"];
export type PageInfo = Schemas["PageInfoDto"];
export type CreateApplicationInstanceRequest = Schemas["CreateApplicationInstanceReqBody"];
export type UpdateApplicationInstanceDisplayDataRequest = Schemas["UpdateApplicationInstanceDisplayDataReqBody"];
export type UpdateApplicationInstanceResponseConfigurationRequest = Schemas["UpdateApplicationInstanceResponseConfigurationReqBody"];
export type UpdateApplicationInstanceResponseSchemaConfigurationRequest =
  Schemas["UpdateApplicationInstanceResponseSchemaConfigurationReqBody"];
export type UpdateApplicationInstanceSecurityConfigurationRequest = Schemas["UpdateApplicationInstanceSecurityConfigurationReqBody"];
export type UpdateApplicationInstanceServiceProviderConfigurationRequest =
  Schemas["UpdateApplicationInstanceServiceProviderConfigurationReqBody"];
export type UpdateApplicationInstanceStatusRequest = Schemas["UpdateApplicationInstanceStatusReqBody"];
export type ImportApplicationInstanceServiceProviderMetadataRequest = Schemas["ImportApplicationInstanceServiceProviderMetadataReqBody"];
export type PermissionSet = Schemas["PermissionSetDto"];
export type PermissionSetProvisioningStatus = Schemas["PermissionSetProvisioningStatusDto"];
export type PermissionSetProvisioningStatusMetadata = Schemas["PermissionSetProvisioningStatusMetadataDto"];
export type AttachedManagedPolicy = Schemas["AttachedManagedPolicyDto"];
export type AccountAssignment = Schemas["AccountAssignmentDto"];
/** The status of an account-assignment creation or deletion request (`request_id`, `status`, `failure_reason`, …). */
export type AccountAssignmentOperationStatus = Schemas["AccountAssignmentOperationStatusDto"];
export type AccountAssignmentOperationStatusMetadata = Schemas["AccountAssignmentOperationStatusMetadataDto"];
/** `IN_PROGRESS`, `FAILED` or `SUCCEEDED`. */
export type AsynchronousRequestStatus = NonNullable<AccountAssignmentOperationStatus["status"]>;
export type Application = Schemas["ApplicationDto"];
export type ApplicationAssignment = Schemas["ApplicationAssignmentDto"];
export type ApplicationProvider = Schemas["ApplicationProviderDto"];
export type IdentityStore = Schemas["IdentityStoreDto"];
export type AccessControlAttribute = Schemas["AccessControlAttributeDto"];
export type SsoConfiguration = Schemas["SsoConfigurationDto"];
export type Tag = Schemas["TagDto"];
export type CreatePermissionSetRequest = Schemas["CreatePermissionSetReqBody"];
export type UpdatePermissionSetRequest = Schemas["UpdatePermissionSetReqBody"];
export type ProvisionPermissionSetRequest = Schemas["ProvisionPermissionSetReqBody"];
export type AttachManagedPolicyToPermissionSetRequest = Schemas["AttachManagedPolicyToPermissionSetReqBody"];
export type CreateAccountAssignmentRequest = Schemas["CreateAccountAssignmentReqBody"];
export type DeleteAccountAssignmentRequest = Schemas["DeleteAccountAssignmentReqBody"];
export type CreateApplicationAssignmentRequest = Schemas["CreateApplicationAssignmentReqBody"];

/**
 * The 403 error body (`encoded_authorization_message` added).
 *
 * @deprecated `HuaweiCloudErrorBody` has every field of every Huawei Cloud error body, this one's included.
 */
export type HuaweiCloudForbiddenErrorBody = Schemas["ForbiddenErrorResponse"];
