import { afterEach, describe, expect, it, vi } from "vitest";
import { thrownBy } from "../../../scripts/capture-error.mjs";
import {
  ConfigurationError,
  readBaseUrl,
  readCredential,
  readDuration,
  readFunction,
  readHeaders,
  readOptionalCredential,
  readOptions,
} from "../src/index.js";

const SECRET = "sk-live-3f9a7c21";

const configurationError = (run: () => unknown) => thrownBy(run, ConfigurationError);

describe("readCredential", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("returns the option when given", () => {
    expect(readCredential("apiKey", SECRET, "TEST_KEY")).toBe(SECRET);
  });

  it("falls back to the environment variable", () => {
    vi.stubEnv("TEST_KEY", SECRET);
    expect(readCredential("apiKey", undefined, "TEST_KEY")).toBe(SECRET);
  });

  it("prefers the option over the environment variable", () => {
    vi.stubEnv("TEST_KEY", "from-env");
    expect(readCredential("apiKey", SECRET, "TEST_KEY")).toBe(SECRET);
  });

  it("names the option and the variable when both are missing", () => {
    vi.stubEnv("TEST_KEY", "");
    const error = configurationError(() => readCredential("apiKey", undefined, "TEST_KEY"));
    expect(error.option).toBe("apiKey");
    expect(error.message).toBe("Invalid client option `apiKey`: it is required; pass `apiKey` or set TEST_KEY");
  });

  it.each([
    ["blank", "   ", "`apiKey` is blank"],
    ["a number", 42, "expected a string, got number"],
    ["null", null, "it is required"],
  ])("rejects %s", (_label, value, problem) => {
    expect(configurationError(() => readCredential("apiKey", value, "TEST_KEY")).message).toContain(problem);
  });

  it("rejects a trailing newline without echoing the secret", () => {
    const error = configurationError(() => readCredential("apiKey", `${SECRET}\n`, "TEST_KEY"));
    expect(error.message).toContain("whitespace or control characters");
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it("takes a variable the runtime will not let it read as not set (Deno without --allow-env throws on the read)", () => {
    const env = process.env;
    process.env = new Proxy(env, {
      get(target, name) {
        if (name === "TEST_KEY") throw new Error('NotCapable: Requires env access to "TEST_KEY"');
        return Reflect.get(target, name);
      },
    });
    try {
      expect(readCredential("apiKey", SECRET, "TEST_KEY")).toBe(SECRET);
      expect(configurationError(() => readCredential("apiKey", undefined, "TEST_KEY")).message).toBe(
        "Invalid client option `apiKey`: it is required; pass `apiKey` or set TEST_KEY",
      );
    } finally {
      process.env = env;
    }
  });

  it("says when the bad value came from the environment", () => {
    vi.stubEnv("TEST_KEY", `${SECRET} `);
    const error = configurationError(() => readCredential("apiKey", undefined, "TEST_KEY"));
    expect(error.message).toContain("environment variable TEST_KEY contains whitespace");
    expect(error.message).not.toContain(SECRET);
  });
});

describe("readBaseUrl", () => {
  it("uses the fallback when absent and strips trailing slashes", () => {
    expect(readBaseUrl("baseUrl", undefined, "https://api.example.com")).toBe("https://api.example.com");
    expect(readBaseUrl("baseUrl", "https://proxy.example.com/siit/", "x")).toBe("https://proxy.example.com/siit");
    expect(readBaseUrl("baseUrl", "http://127.0.0.1:4010", "x")).toBe("http://127.0.0.1:4010");
  });

  it.each([
    ["api.siit.io", "is not an absolute URL"],
    ["ftp://api.siit.io", 'expected an http(s) URL, got protocol "ftp:"'],
    ["https://api.siit.io/?x=1", "must not contain a query or fragment"],
    [42, "expected a URL string, got number"],
  ])("rejects %s", (value, problem) => {
    const error = configurationError(() => readBaseUrl("baseUrl", value, "https://api.siit.io"));
    expect(error.option).toBe("baseUrl");
    expect(error.message).toContain(problem);
  });

  it("rejects credentials in the URL without echoing them", () => {
    const error = configurationError(() => readBaseUrl("baseUrl", `https://user:${SECRET}@api.siit.io`, "x"));
    expect(error.message).toContain("must not contain a user name or password");
    expect(error.message).not.toContain(SECRET);
  });
});

describe("readDuration", () => {
  it("accepts positive milliseconds and defaults when absent", () => {
    expect(readDuration("timeoutMs", 250, 30_000)).toBe(250);
    expect(readDuration("timeoutMs", undefined, 30_000)).toBe(30_000);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, "100"])("rejects %s", (value) => {
    const error = configurationError(() => readDuration("timeoutMs", value, 30_000));
    expect(error.option).toBe("timeoutMs");
    expect(error.message).toContain("expected a positive number of milliseconds");
  });
});

describe("readOptionalCredential", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is undefined when neither the option nor the environment variable is given", () => {
    vi.stubEnv("TEST_TOKEN", "");
    expect(readOptionalCredential("token", undefined, "TEST_TOKEN")).toBeUndefined();
    expect(readOptionalCredential("token", undefined)).toBeUndefined();
  });

  it("reads the option, else the environment variable, as readCredential does", () => {
    vi.stubEnv("TEST_TOKEN", "from-env");
    expect(readOptionalCredential("token", SECRET, "TEST_TOKEN")).toBe(SECRET);
    expect(readOptionalCredential("token", undefined, "TEST_TOKEN")).toBe("from-env");
    expect(configurationError(() => readOptionalCredential("token", " ", "TEST_TOKEN")).message).toBe(
      "Invalid client option `token`: `token` is blank",
    );
    vi.stubEnv("TEST_TOKEN", `${SECRET}\n`);
    const error = configurationError(() => readOptionalCredential("token", undefined, "TEST_TOKEN"));
    expect(error.message).toBe(
      "Invalid client option `token`: environment variable TEST_TOKEN contains whitespace or control characters (a trailing newline?)",
    );
  });
});

describe("readOptions", () => {
  type Options = { apiKey?: string; baseUrl?: string };
  const known = ["apiKey", "baseUrl"] as const;

  it("accepts known keys and an absent argument", () => {
    expect(readOptions<Options>({ apiKey: "k" }, known)).toEqual({ apiKey: "k" });
    expect(readOptions<Options>(undefined, known)).toEqual({});
  });

  it("names an unknown key and suggests the right spelling", () => {
    const error = configurationError(() => readOptions<Options>({ apikey: SECRET }, known));
    expect(error.option).toBe("apikey");
    expect(error.message).toBe("Invalid client option `apikey`: unknown option; did you mean `apiKey`?");
  });

  it("lists the known options for a key it cannot place", () => {
    expect(configurationError(() => readOptions<Options>({ endpoint: "x" }, known)).message).toContain("known options: apiKey, baseUrl");
  });

  it.each([null, "k", ["apiKey"]])("rejects %j as the options argument", (value) => {
    expect(configurationError(() => readOptions<Options>(value, known)).option).toBe("options");
  });
});

describe("readHeaders and readFunction", () => {
  it("accept valid values", () => {
    expect(readHeaders("headers", { "X-Trace": "1" })).toEqual({ "X-Trace": "1" });
    expect(readFunction("fetch", fetch)).toBe(fetch);
    expect(readHeaders("headers", undefined)).toBeUndefined();
    expect(readFunction("fetch", undefined)).toBeUndefined();
  });

  it("reject the wrong types, naming the option", () => {
    expect(configurationError(() => readHeaders("headers", { "X-Count": 3 })).message).toBe(
      'Invalid client option `headers`: header "X-Count" must be a string, got number',
    );
    expect(configurationError(() => readHeaders("headers", "X-Trace: 1")).option).toBe("headers");
    expect(configurationError(() => readFunction("fetch", "fetch")).message).toBe(
      "Invalid client option `fetch`: expected a function, got string",
    );
  });
});
