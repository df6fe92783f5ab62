import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SUPPORTED_NODE_RANGE, unsupportedNodeMessage } from "../src/node-version.ts";

const exec = promisify(execFile);

describe("supported Node.js versions", () => {
  it("accepts the LTS lines 24 (from 24.11) and 26", () => {
    for (const v of ["24.11.0", "24.22.3", "v24.22.3", "26.0.0", "26.12.1"]) expect(unsupportedNodeMessage(v)).toBeUndefined();
  });

  it("refuses end-of-life, pre-LTS and odd lines with one sentence naming what is supported", () => {
    for (const v of ["20.20.2", "22.12.0", "24.10.0", "25.1.0", "27.0.0", "18.0.0", "garbage"]) {
      const message = unsupportedNodeMessage(v);
      expect(message).toMatch(/not supported: use Node\.js 24 \(24\.11 or newer\) or 26/);
      expect(message).not.toContain("\n");
    }
  });

  it("matches engines.node in the root package.json", () => {
    const root = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { engines: { node: string } };
    expect(root.engines.node).toBe(SUPPORTED_NODE_RANGE);
  });

  // The machines this project is built on keep Node 20 as /usr/bin/node; .ci/run puts 24 first on PATH.
  const oldNode = ["/usr/bin/node", "/usr/local/bin/node"].find((p) => existsSync(p) && p !== process.execPath);
  it.runIf(oldNode !== undefined)("npm start's entry stops with that one line on the machine's older Node", async () => {
    const { stdout: version } = await exec(oldNode!, ["-v"]);
    if (unsupportedNodeMessage(version.trim()) === undefined) return; // that node is supported: nothing to refuse
    const err = await exec(oldNode!, ["--import", "tsx", "scripts/start.ts"], { cwd: new URL("../../..", import.meta.url).pathname, env: { ...process.env, PORT: "1" } }).then(
      () => undefined,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stdout).toBe("");
    expect(err?.stderr.trim()).toBe(unsupportedNodeMessage(version.trim()));
  });
});
