import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("configuration", () => {
  it("has defaults for every variable", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it("names the variable, the value and the problem", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT="eighty": must be integer/);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT="70000"/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL="loud"/);
  });

  it("trusts no proxy by default; TRUST_PROXY takes addresses, CIDR ranges and range names", () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "off" }).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 172.16.0.0/12,::1,fd00::/8,loopback" }).trustProxy).toEqual([
      "10.0.0.5",
      "172.16.0.0/12",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
    for (const bad of ["true", "*", "10.0.0.0/33", "10.0.0.300", "proxy.example.org", "10.0.0.0/8/1", "::/129", "10.0.0.1,"]) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY=/);
    }
  });

  it("PUBLIC_URL: a local default, trailing slashes dropped, a path prefix kept, anything else refused", () => {
    expect(loadConfig({}).publicUrl).toBe("http://localhost:3000");
    expect(loadConfig({ HOST: "0.0.0.0", PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ HOST: "10.1.2.3" }).publicUrl).toBe("http://10.1.2.3:3000");
    expect(loadConfig({ PUBLIC_URL: "https://grader.example.edu/" }).publicUrl).toBe("https://grader.example.edu");
    expect(loadConfig({ PUBLIC_URL: "https://example.edu/grader//" }).publicUrl).toBe("https://example.edu/grader");
    for (const bad of ["grader.example.edu", "ftp://example.edu", "https://example.edu/?a=1", "https://example.edu/#x", "https://u:p@example.edu"]) {
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL=/);
    }
    expect(loadConfig({}).ltiKeySecret).toBeUndefined();
  });

  it("wants ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(() => loadConfig({ ADMIN_EMAIL: "a@b.org" })).toThrow(/both ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(loadConfig({ ADMIN_EMAIL: "a@b.org", ADMIN_PASSWORD: "long enough pw" }).adminEmail).toBe("a@b.org");
  });
});
