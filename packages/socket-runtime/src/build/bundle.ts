import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("../isolate/entry.ts", import.meta.url));

let cached: Promise<string> | null = null;

/**
 * The runtime as one self-contained classic script (no imports, no Node APIs), built in memory
 * from src/isolate/entry.ts: it sets `globalThis[globalName]` to the module's exports plus
 * `__drivers`.
 */
export function buildRuntimeScript(globalName = "__socket"): Promise<string> {
  if (globalName !== "__socket") return bundle(globalName);
  cached ??= bundle(globalName);
  return cached;
}

async function bundle(globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    globalName,
    platform: "neutral",
    target: "es2022",
    // Wrapped so the `var` esbuild declares stays local: the global is a plain, deletable property.
    banner: { js: `globalThis[${JSON.stringify(globalName)}] = (function () {` },
    footer: { js: `return ${globalName};\n})();` },
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error("esbuild produced no output for the socket runtime");
  return file.text;
}
