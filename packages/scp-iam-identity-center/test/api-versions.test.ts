import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { thrownBy } from "../../../scripts/capture-error.mjs";
import {
  API_VERSION_UNKNOWN_WARNING_CODE,
  API_VERSION_WARNING_CODE,
  API_VERSIONS,
  ConfigurationError,
  createScpClient,
  decideApiVersion,
  newestSupportedVersion,
  type ScpClientOptions,
} from "../src/index.js";

// Dates are published for Korea: a not-before date begins at 00:00 KST, i.e. 15:00 UTC the day before.
const kst = (date: string, time = "00:00:00") => Date.parse(`${date}T${time}+09:00`);
const DAY = 86_400_000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the version table", () => {
  it("is the published table (1.0–1.4) plus the versions the official SDK calls (1.5, 1.6), newest first, one CURRENT", () => {
    expect(API_VERSIONS).toEqual([
      { version: "1.6", status: "CURRENT", notBefore: undefined, source: "official-sdk" },
      { version: "1.5", status: "SUPPORTED", notBefore: undefined, source: "official-sdk" },
      { version: "1.4", status: "SUPPORTED", notBefore: undefined, source: "reference" },
      { version: "1.3", status: "SUPPORTED", notBefore: "2026-11-30", source: "reference" },
      { version: "1.2", status: "SUPPORTED", notBefore: "2026-09-30", source: "reference" },
      { version: "1.1", status: "DEPRECATED", notBefore: "2026-05-31", source: "reference" },
      { version: "1.0", status: "DEPRECATED", notBefore: "2026-02-23", source: "reference" },
    ]);
    expect(API_VERSIONS.filter((entry) => entry.status === "CURRENT")).toHaveLength(1);
  });
});

describe("decideApiVersion (fixed clocks, never the real date)", () => {
  const configurationError = (value: unknown, now: number) => thrownBy(() => decideApiVersion(value, now), ConfigurationError);

  it("defaults to the CURRENT version (1.6, which the official SDK sends), without a warning", () => {
    expect(decideApiVersion(undefined, kst("2026-11-23"))).toEqual({ version: "1.6" });
    for (const version of ["1.6", "1.5", "1.4"]) expect(decideApiVersion(version, kst("2030-01-01"))).toEqual({ version });
  });

  it.each([
    ["1.3", "2026-11-30"],
    ["1.2", "2026-09-30"],
    ["1.1", "2026-05-31"],
    ["1.0", "2026-02-23"],
  ])("%s: usable the day before %s, rejected on the day and after, naming the newest supported version", (version, date) => {
    const dayBefore = kst(date) - DAY;
    const lastMoment = kst(date) - 1;
    expect(decideApiVersion(version, dayBefore).version).toBe(version);
    expect(decideApiVersion(version, lastMoment).version).toBe(version);

    for (const now of [kst(date), kst(date, "12:00:00"), kst(date) + DAY]) {
      const error = configurationError(version, now);
      expect(error.option).toBe("apiVersion");
      expect(error.message).toContain(`version ${version}`);
      expect(error.message).toContain(date);
      expect(error.message).toContain(`use ${newestSupportedVersion(now)}, the newest supported version`);
    }
  });

  it("names 1.6 as the newest supported version (2026-11-23) for 1.2, 1.1 and 1.0", () => {
    const today = kst("2026-11-23", "04:00:00");
    for (const version of ["1.2", "1.1", "1.0"]) {
      expect(configurationError(version, today).message).toContain("use 1.6, the newest supported version");
    }
    expect(newestSupportedVersion(today)).toBe("1.6");
  });

  describe("at 1.3's cut-off, 2026-11-30 00:00 KST (2026-11-29T15:00:00Z)", () => {
    const cutoff = Date.parse("2026-11-29T15:00:00.000Z");

    it("is the instant the published date begins in Korea", () => {
      expect(kst("2026-11-30")).toBe(cutoff);
    });

    it("accepts 1.3 one millisecond before, with the not-before warning", () => {
      const decision = decideApiVersion("1.3", cutoff - 1);
      expect(decision.version).toBe("1.3");
      expect(decision.warning).toEqual({
        code: API_VERSION_WARNING_CODE,
        message: "Samsung Cloud Platform IAM Identity Center API version 1.3 stops being supported on 2026-11-30 (in 1 day); move to 1.6.",
      });
    });

    it("rejects 1.3 at the cut-off itself, naming the option, the date and the version to use", () => {
      const error = configurationError("1.3", cutoff);
      expect(error.option).toBe("apiVersion");
      expect(error.message).toBe(
        "Invalid client option `apiVersion`: version 1.3 (SUPPORTED) is no longer supported since its not-before date 2026-11-30; use 1.6, the newest supported version",
      );
    });
  });

  it("warns within 30 days of the not-before date, not before", () => {
    const date = "2026-11-30";
    const thirtyDaysBefore = kst(date) - 30 * DAY;
    expect(decideApiVersion("1.3", thirtyDaysBefore - 1).warning).toBeUndefined();
    const atThirty = decideApiVersion("1.3", thirtyDaysBefore).warning;
    expect(atThirty).toEqual({ code: API_VERSION_WARNING_CODE, message: expect.stringContaining("in 30 days") });
    const today = decideApiVersion("1.3", kst("2026-11-23"));
    expect(today.version).toBe("1.3");
    expect(today.warning?.message).toBe(
      "Samsung Cloud Platform IAM Identity Center API version 1.3 stops being supported on 2026-11-30 (in 7 days); move to 1.6.",
    );
    expect(decideApiVersion("1.3", kst(date) - 1).warning?.message).toContain("(in 1 day)");
  });

  it("accepts a well-formed version newer than the table, with a warning naming it", () => {
    for (const version of ["1.7", "1.10", "2.0"]) {
      expect(decideApiVersion(version, kst("2026-11-23"))).toEqual({
        version,
        warning: {
          code: API_VERSION_UNKNOWN_WARNING_CODE,
          message:
            `Samsung Cloud Platform IAM Identity Center API version ${version} is newer than the versions this release knows ` +
            "(up to 1.6); it is sent as asked, but its answers may carry fields the types do not describe.",
        },
      });
    }
  });

  it("rejects malformed versions, unknown older ones and non-strings with the list of known versions", () => {
    for (const value of ["v1.4", "1", "1.4.0", "01.7", "1.07", " 1.7", "1.7 ", "", "0.9", 1.4, 1.7, null]) {
      const error = configurationError(value, kst("2026-11-23"));
      expect(error.option).toBe("apiVersion");
      expect(error.message).toContain("known versions: 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0");
    }
  });
});

describe("the version policy, for any moment (property)", () => {
  // Any instant from 2025 to 2028, around all the published dates.
  const moment = fc.integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2028-01-01T00:00:00Z") });

  it("accepts a version exactly before its not-before date, warns exactly in the last 30 days, rejects from the date on", () => {
    fc.assert(
      fc.property(moment, fc.constantFrom(...API_VERSIONS), (now, entry) => {
        if (entry.notBefore === undefined) {
          expect(decideApiVersion(entry.version, now)).toEqual({ version: entry.version });
          return;
        }
        const cutoff = kst(entry.notBefore);
        if (now >= cutoff) {
          expect(() => decideApiVersion(entry.version, now)).toThrow(ConfigurationError);
          return;
        }
        const decision = decideApiVersion(entry.version, now);
        expect(decision.version).toBe(entry.version);
        expect(decision.warning !== undefined).toBe(now >= cutoff - 30 * DAY);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts any well-formed version newer than the table with one warning naming it, at any moment", () => {
    const newer = fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 999 }))
      .filter(([major, minor]) => major > 1 || minor > 6)
      .map(([major, minor]) => `${major}.${minor}`);
    fc.assert(
      fc.property(moment, newer, (now, version) => {
        const decision = decideApiVersion(version, now);
        expect(decision.version).toBe(version);
        expect(decision.warning?.code).toBe(API_VERSION_UNKNOWN_WARNING_CODE);
        expect(decision.warning?.message).toContain(`version ${version} is newer`);
      }),
    );
  });

  it("rejects any string that is not a known version or a well-formed newer one", () => {
    const known = new Set<string>(API_VERSIONS.map((entry) => entry.version));
    const wellFormedNewer = /^(?:[2-9]|[1-9]\d+)\.(?:0|[1-9]\d*)$|^1\.(?:[7-9]|[1-9]\d+)$/;
    fc.assert(
      fc.property(moment, fc.string({ maxLength: 8 }), (now, value) => {
        fc.pre(!known.has(value) && !wellFormedNewer.test(value));
        expect(() => decideApiVersion(value, now)).toThrow(ConfigurationError);
      }),
      { numRuns: 300 },
    );
  });

  it("always names a version that is itself accepted at that moment", () => {
    fc.assert(
      fc.property(moment, (now) => {
        const newest = newestSupportedVersion(now);
        expect(decideApiVersion(newest, now).version).toBe(newest);
      }),
    );
  });
});

describe("createScpClient and the version policy", () => {
  const base: ScpClientOptions = { accessKey: "ak", secretKey: "sk-secret-value", baseUrl: "http://127.0.0.1:9" };
  const onNov23 = () => new Date(kst("2026-11-23", "10:00:00"));

  // First in this file to construct a 1.3 client: the warning is once per process (each test file runs in its own).
  it("emits one process warning, with its code, per process and version, and never a secret", () => {
    const emitted = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    createScpClient({ ...base, clock: onNov23, apiVersion: "1.3" });
    createScpClient({ ...base, clock: onNov23, apiVersion: "1.3" });
    createScpClient({ ...base, clock: onNov23, apiVersion: "1.6" });

    expect(emitted).toHaveBeenCalledTimes(1);
    expect(emitted).toHaveBeenCalledWith(expect.stringContaining("version 1.3 stops being supported on 2026-11-30"), {
      type: "Warning",
      code: API_VERSION_WARNING_CODE,
    });
    expect(JSON.stringify(emitted.mock.calls)).not.toContain("sk-secret-value");
  });

  it("sends the CURRENT version by default and the chosen one otherwise", async () => {
    const sent: Request[] = [];
    const fetch = async (request: Request) => {
      sent.push(request);
      return Response.json({ instances: [] });
    };
    await createScpClient({ ...base, clock: onNov23, fetch }).GET("/v1/instances");
    vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    await createScpClient({ ...base, clock: onNov23, fetch, apiVersion: "1.3" }).GET("/v1/instances");

    expect(sent.map((request) => request.headers.get("scp-api-version"))).toEqual(["iam-identity-center 1.6", "iam-identity-center 1.3"]);
  });

  it("sends a newer version than it knows, with one process warning naming it per process", async () => {
    const emitted = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const sent: Request[] = [];
    const fetch = async (request: Request) => {
      sent.push(request);
      return Response.json({ instances: [] });
    };
    await createScpClient({ ...base, clock: onNov23, fetch, apiVersion: "1.7" }).GET("/v1/instances");
    createScpClient({ ...base, clock: onNov23, apiVersion: "1.7" });

    expect(sent[0]?.headers.get("scp-api-version")).toBe("iam-identity-center 1.7");
    expect(emitted).toHaveBeenCalledTimes(1);
    expect(emitted).toHaveBeenCalledWith(expect.stringContaining("version 1.7 is newer than the versions this release knows"), {
      type: "Warning",
      code: API_VERSION_UNKNOWN_WARNING_CODE,
    });
  });

  it("rejects a malformed version at construction", () => {
    const error = thrownBy(() => createScpClient({ ...base, clock: onNov23, apiVersion: "latest" }), ConfigurationError);
    expect(error.option).toBe("apiVersion");
    expect(error.message).toContain('"latest" is not a version like "1.6"');
  });

  it("rejects a retired version at construction", () => {
    const error = thrownBy(() => createScpClient({ ...base, clock: onNov23, apiVersion: "1.2" }), ConfigurationError);
    expect(error.option).toBe("apiVersion");
    expect(error.message).toContain("use 1.6, the newest supported version");
  });
});
