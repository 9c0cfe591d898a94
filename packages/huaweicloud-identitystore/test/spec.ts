import { readSpec } from "../../../scripts/spec-examples.mjs";

export const { operations, operation, response, responseExample, requestExample, errorStatuses } = readSpec("huaweicloud-identitystore");
