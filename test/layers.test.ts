// The import graph, read from the files: every workspace imports only the workspace packages
// it declares, and declares only packages of a lower layer (apps on packages, packages on
// nothing above them). ESLint's no-restricted-imports (eslint.config.js) names the same edges.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Lower number: lower layer. A workspace may depend only on workspaces of a lower layer. */
const LAYER: Record<string, number> = {
  "@autograder/shared": 0,
  "@autograder/db": 1,
  "@autograder/exercise-format": 1,
  "@autograder/socket-runtime": 1,
  "@autograder/threading-runtime": 1,
  "@autograder/queue": 2,
  "@autograder/submissions": 2,
  "@autograder/sandbox": 2,
  "@autograder/api": 3,
  "@autograder/grader": 3,
  "@autograder/web": 3,
  "@autograder/launcher": 4,
};
/** Apps that never run exercise code and so never depend on isolated-vm, even indirectly. */
const NO_ISOLATED_VM = ["@autograder/api", "@autograder/web"];

interface Workspace { name: string; dir: string; deps: string[] }

const workspaces: Workspace[] = ["packages", "apps"].flatMap((group) =>
  readdirSync(path.join(ROOT, group)).map((name) => {
    const dir = path.join(ROOT, group, name);
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name: string; dependencies?: Record<string, string> };
    return { name: pkg.name, dir, deps: Object.keys(pkg.dependencies ?? {}) };
  }),
);
const byName = new Map(workspaces.map((w) => [w.name, w]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function importedWorkspaces(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(path.join(dir, "src"))) {
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(@autograder\/[a-z-]+)/g)) found.add(m[1]!);
  }
  return found;
}

function closure(name: string, seen = new Set<string>()): Set<string> {
  for (const dep of byName.get(name)?.deps ?? []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    closure(dep, seen);
  }
  return seen;
}

describe("layers", () => {
  it("knows every workspace's layer", () => {
    expect(workspaces.map((w) => w.name).sort()).toEqual(Object.keys(LAYER).sort());
  });

  it.each(workspaces.map((w) => [w.name, w] as const))("%s declares what its sources import, and only lower layers", (name, w) => {
    const imported = [...importedWorkspaces(w.dir)].filter((d) => d !== name);
    expect(imported.filter((d) => !w.deps.includes(d)), "imported but not declared").toEqual([]);
    const upward = w.deps.filter((d) => d in LAYER && LAYER[d]! >= LAYER[name]!);
    expect(upward, "a dependency on the same or a higher layer").toEqual([]);
  });

  it.each(NO_ISOLATED_VM)("%s does not depend on isolated-vm, directly or through a workspace", (name) => {
    const all = closure(name);
    expect([...all].filter((d) => d === "isolated-vm" || d === "@autograder/sandbox" || d === "@autograder/grader")).toEqual([]);
  });
});
