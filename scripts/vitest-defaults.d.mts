export const TEST_REPORT_FILE: string;
export const testDefaults: { include: string[]; reporters: string[]; outputFile: { json: string } };
