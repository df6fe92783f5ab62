/**
 * Type-checks every sockets exercise's student files (solution, starter, mutants) together with
 * its workload, in strict mode, against this package's `declare module "socket"`, the way the
 * editor sees them. Nothing else in the repository type-checks exercise content.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SOCKET_DECLARATIONS } from "../src/index.ts";

const ROOT = fileURLToPath(new URL("../../../exercises/sockets/", import.meta.url));
const exercises = existsSync(ROOT) ? readdirSync(ROOT) : [];
const SOCKET_DTS = "/virtual/socket.d.ts";
/** What the student's isolate has besides ES2023: the UTF-8 encoder and decoder. */
const GLOBALS_DTS = "/virtual/globals.d.ts";
const GLOBALS = `
declare class TextEncoder { encode(input?: string): Uint8Array; }
declare class TextDecoder { constructor(label?: string, options?: { fatal?: boolean }); decode(input?: Uint8Array, options?: { stream?: boolean }): string; }
`;

/** The judge API, where the sandbox keeps it (tests.ts is checked only if it is there). */
const JUDGE = fileURLToPath(new URL("../../sandbox/src/isolate/judge/index.ts", import.meta.url));

function diagnostics(studentFile: string, workloadFile: string, testsFile?: string): string[] {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, lib: ["lib.es2023.d.ts"], types: [], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const virtual = new Map([[SOCKET_DTS, SOCKET_DECLARATIONS], [GLOBALS_DTS, GLOBALS]]);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => {
    const text = virtual.get(name);
    return text === undefined ? getSourceFile(name, language) : ts.createSourceFile(name, text, language);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const name = literal.text;
      const resolvedFileName = name === "student" ? studentFile : name === "socket" ? SOCKET_DTS : name === "judge" ? JUDGE : undefined;
      if (resolvedFileName === undefined && !name.startsWith("@autograder/")) return ts.resolveModuleName(name, containingFile, options, host);
      return { resolvedModule: resolvedFileName === undefined ? undefined : { resolvedFileName, extension: resolvedFileName.endsWith(".d.ts") ? ts.Extension.Dts : ts.Extension.Ts } };
    });
  const roots = [studentFile, workloadFile, SOCKET_DTS, GLOBALS_DTS, ...(testsFile === undefined ? [] : [testsFile])];
  const program = ts.createProgram(roots, options, host);
  const own = (d: ts.Diagnostic): boolean => d.file === undefined || d.file.fileName.startsWith(ROOT);
  return ts.getPreEmitDiagnostics(program).filter(own).map((d) => {
    const where = d.file ? `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe.each(exercises)("sockets/%s type-checks", (exercise) => {
  const dir = `${ROOT}${exercise}/`;
  const files = ["solution.ts", "starter.ts", ...readdirSync(`${dir}mutants`).map((m) => `mutants/${m}`)];
  it.each(files)("%s with the workload", (file) => {
    expect(diagnostics(`${dir}${file}`, `${dir}workload.ts`)).toEqual([]);
  });
  it.skipIf(!existsSync(JUDGE))("tests.ts against the judge API", () => {
    expect(diagnostics(`${dir}solution.ts`, `${dir}workload.ts`, `${dir}tests.ts`)).toEqual([]);
  });
});
