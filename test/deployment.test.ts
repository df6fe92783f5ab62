// Docker cannot run on these machines: check the compose file and Dockerfile statically.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SUPPORTED_NODE_RANGE, unsupportedNodeMessage } from "@autograder/shared/node-version";

const root = path.resolve(import.meta.dirname, "..");
const compose = parse(readFileSync(path.join(root, "docker-compose.yml"), "utf8"), { merge: true });
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts;

function npmScriptsIn(command: string[] | string): string[] {
  const words = Array.isArray(command) ? command : command.split(/\s+/);
  if (words[0] !== "npm") return [];
  if (words[1] === "start" || words[1] === "test") return [words[1]];
  if (words[1] === "run") return [words[2]!];
  return [];
}

describe("docker-compose.yml", () => {
  it("has postgres, app and grader services", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "grader", "postgres"]);
  });

  it("keeps PostgreSQL data in a volume and checks its health", () => {
    const pg = compose.services.postgres;
    expect(pg.volumes.some((v: string) => v.startsWith("pgdata:"))).toBe(true);
    expect(compose.volumes).toHaveProperty("pgdata");
    expect(pg.healthcheck.test.join(" ")).toContain("pg_isready");
  });

  it("wires app and grader to the postgres service with the same credentials", () => {
    const pg = compose.services.postgres.environment;
    for (const name of ["app", "grader"]) {
      const service = compose.services[name];
      const url = new URL(service.environment.DATABASE_URL.replace("${POSTGRES_PASSWORD:-change-me}", "pw"));
      expect(url.hostname).toBe("postgres");
      expect(decodeURIComponent(url.username)).toBe(pg.POSTGRES_USER);
      expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
      expect(service.depends_on.postgres.condition).toBe("service_healthy");
    }
  });

  it("lets the grader scale (no fixed name, no host port) and keeps grading out of the app", () => {
    const grader = compose.services.grader;
    expect(grader.container_name).toBeUndefined();
    expect(grader.ports).toBeUndefined();
    expect(compose.services.app.environment.GRADER_WORKERS).toBe("0");
    expect(compose.services.app.environment.HOST).toBe("0.0.0.0");
  });

  it("runs node directly, so `docker compose stop` delivers SIGTERM to it (npm's shell would swallow it)", () => {
    for (const service of ["app", "grader"]) {
      expect(compose.services[service].command[0], service).toBe("node");
      expect(compose.services[service].stop_grace_period, service).toBeDefined();
    }
    const cmd = [...dockerfile.matchAll(/^CMD\s+(\[.*\])\s*$/gm)].at(-1)?.[1];
    expect(JSON.parse(cmd ?? "[]")[0]).toBe("node");
    expect(scripts.start).toMatch(/^exec node /);
    expect(scripts["start:grader"]).toMatch(/^exec node /);
  });

  it("runs commands that exist in package.json", () => {
    for (const service of ["app", "grader"]) {
      for (const script of npmScriptsIn(compose.services[service].command)) {
        expect(scripts, `${service}: npm script ${script}`).toHaveProperty(script);
      }
    }
  });
});

describe("Dockerfile", () => {
  it("only runs npm scripts that exist", () => {
    const commands = [...dockerfile.matchAll(/^(?:RUN|CMD)\s+(.+)$/gm)].flatMap((m) => {
      const text = m[1]!.trim();
      const parts = text.startsWith("[") ? [(JSON.parse(text) as string[]).join(" ")] : text.split("&&");
      return parts.map((p) => p.trim());
    });
    const npm = commands.filter((c) => c.startsWith("npm "));
    expect(npm.length).toBeGreaterThan(1);
    for (const c of npm) {
      for (const script of npmScriptsIn(c)) expect(scripts, c).toHaveProperty(script);
    }
  });

  it("builds on the supported Node.js line", () => {
    const engines = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines.node as string;
    expect(engines).toBe(SUPPORTED_NODE_RANGE);
    const bases = [...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const major of bases) expect(unsupportedNodeMessage(`${major}.11.0`)).toBeUndefined();
    // isolated-vm 7 is prebuilt for Node 24/26: the image needs no compiler toolchain.
    expect(dockerfile).not.toMatch(/g\+\+|python3|build-essential/);
  });
});
