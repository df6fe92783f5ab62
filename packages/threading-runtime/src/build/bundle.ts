import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("../isolate/entry.ts", import.meta.url));

export type BundleFormat = "esm" | "iife";

const cache = new Map<string, Promise<string>>();

/**
 * The runtime as one self-contained script (no imports, no Node APIs), built in memory from
 * src/isolate/entry.ts: "esm" is the student isolate's `threading` module; "iife" assigns the
 * same exports to `globalThis[globalName]` (for node:vm tests and host-side evaluation).
 */
export function buildRuntimeSource(format: BundleFormat = "esm", globalName = "__threading"): Promise<string> {
  const key = `${format}:${globalName}`;
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      format,
      platform: "neutral",
      target: "es2022",
      ...(format === "iife" ? { globalName } : {}),
      logLevel: "silent",
    }).then((result) => {
      const file = result.outputFiles[0];
      if (file === undefined) throw new Error("esbuild produced no output for the threading runtime");
      return file.text;
    });
    cache.set(key, pending);
  }
  return pending;
}
