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

/**
 * The 403 error body (`encoded_authorization_message` added).
 *
 * @deprecated `HuaweiCloudErrorBody` has every field of every Huawei Cloud error body, this one's included.
 */
export type HuaweiCloudForbiddenErrorBody = Schemas["ForbiddenErrorResponse"];
