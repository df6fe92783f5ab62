// The Node.js lines this project runs on. isolated-vm 7 ships prebuilt binaries for exactly
// these ABIs (Node 24 = 137, Node 26 = 147); anything else would need a compiler, or would
// run untrusted code on a V8 that no longer gets security fixes (Node 20 ended 2026-04-30).

/** Same range as `engines.node` in the root package.json. */
export const SUPPORTED_NODE_RANGE = "^24.11.0 || ^26.0.0";

/** A sentence naming what is supported when `version` (e.g. "20.20.2") is not; undefined when it is. */
export function unsupportedNodeMessage(version: string): string | undefined {
  const bare = version.replace(/^v/, "");
  const [major = Number.NaN, minor = Number.NaN] = bare.split(".").map(Number);
  const supported = (major === 24 && minor >= 11) || major === 26;
  if (supported) return undefined;
  return `Node.js ${bare} is not supported: use Node.js 24 (24.11 or newer) or 26, the LTS lines (see README, "Quick start").`;
}
