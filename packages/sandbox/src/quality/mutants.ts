// Mutants of a reference solution: StrykerJS's mutators (its instrumenter used as a library:
// we take the mutants it finds and apply each one to the source text), plus concurrency and
// protocol mutators Stryker does not have, as text transforms.
import { Instrumenter } from "@stryker-mutator/instrumenter";

export interface GeneratedMutant {
  /**
   * Stable identity: "<line>:<column> <mutator>: <replacement>" (1-based position of the
   * replaced text in the reference solution, replacement on one line, at most 60 characters).
   * It changes only when the reference's text before it or the mutated code changes.
   */
  id: string;
  mutator: string;
  origin: "stryker" | "platform";
  line: number;
  column: number;
  replacement: string;
  /** The whole mutated solution. */
  source: string;
}

const noop = (): void => {};
const silentLogger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  fatal: noop,
};

let instrumenter: Instrumenter | undefined;

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
  return { line: line + 1, column: offset - (starts[line] as number) + 1 };
}

function makeId(line: number, column: number, mutator: string, replacement: string): string {
  const flat = replacement.replace(/\s+/g, " ").trim() || "(removed)";
  return `${line}:${column} ${mutator}: ${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}`;
}

function mutant(source: string, starts: readonly number[], start: number, end: number, replacement: string, mutator: string, origin: GeneratedMutant["origin"]): GeneratedMutant {
  const { line, column } = position(starts, start);
  return { id: makeId(line, column, mutator, replacement), mutator, origin, line, column, replacement, source: source.slice(0, start) + replacement + source.slice(end) };
}

async function strykerMutants(source: string, starts: readonly number[]): Promise<GeneratedMutant[]> {
  instrumenter ??= new Instrumenter(silentLogger as never);
  const result = await instrumenter.instrument([{ name: "solution.ts", content: source, mutate: true }], {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
    noHeader: true,
  } as never);
  return result.mutants.map((m) => {
    // Stryker's positions: 0-based lines and columns.
    const start = (starts[m.location.start.line] as number) + m.location.start.column;
    const end = (starts[m.location.end.line] as number) + m.location.end.column;
    return mutant(source, starts, start, end, m.replacement, m.mutatorName, "stryker");
  });
}

interface TextMutator {
  name: string;
  pattern: RegExp;
  /** The replacement of the match, or undefined to skip this match. */
  replace(match: RegExpExecArray, source: string): string | undefined;
}

/** The statement text from `from` to its end (the matching close of its first brace block, or `;`). */
function blockAfter(source: string, from: number): string {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return source.slice(from, i + 1);
    else if (c === ";" && depth === 0) return source.slice(from, i + 1);
  }
  return source.slice(from);
}

const SWAP_ENDIAN: Record<string, string> = { BE: "LE", LE: "BE" };

const TEXT_MUTATORS: TextMutator[] = [
  // The awaited promise is left floating: the code runs on before the operation finished.
  { name: "DropAwait", pattern: /\bawait\s+/g, replace: () => "" },
  // Wake one waiter where all must re-check their condition.
  { name: "WakeOne", pattern: /\b(notifyAll|notify_all)\b/g, replace: () => "notify" },
  // A condition re-checked in a loop (after every wake-up, or until the peer closes) checked once.
  {
    name: "LoopOnce",
    pattern: /\bwhile(\s*)\(/g,
    replace: (m, source) => (/\b(wait|recv|read|readline|accept|get)\w*\s*\(/.test(blockAfter(source, m.index)) ? `if${m[1] ?? ""}(` : undefined),
  },
  // Byte order: big-endian <-> little-endian in Buffer and DataView methods.
  { name: "SwapByteOrder", pattern: /\b((?:read|write)(?:UI|Ui|I)nt(?:16|32)|(?:read|write)BigU?Int64|(?:read|write)(?:Float|Double))(BE|LE)\b/g, replace: (m) => `${m[1] ?? ""}${SWAP_ENDIAN[m[2] ?? ""] ?? ""}` },
  {
    name: "SwapByteOrder",
    pattern: /\b((?:get|set)(?:Ui|I)nt(?:16|32)|(?:get|set)Big(?:Ui|I)nt64|(?:get|set)Float(?:32|64))\(([^()]*)\)/g,
    replace: (m) => {
      const args = (m[2] ?? "").split(",").map((a) => a.trim());
      const isGet = (m[1] ?? "").startsWith("get");
      const flagAt = isGet ? 1 : 2;
      if (args.length < flagAt) return undefined;
      const flag = args[flagAt];
      args[flagAt] = flag === undefined || flag === "false" ? "true" : flag === "true" ? "false" : `!(${flag})`;
      return `${m[1] ?? ""}(${args.join(", ")})`;
    },
  },
];

function textMutants(source: string, starts: readonly number[]): GeneratedMutant[] {
  const out: GeneratedMutant[] = [];
  for (const mutator of TEXT_MUTATORS) {
    for (const m of source.matchAll(mutator.pattern)) {
      const replacement = mutator.replace(m as RegExpExecArray, source);
      if (replacement === undefined || replacement === m[0]) continue;
      out.push(mutant(source, starts, m.index, m.index + m[0].length, replacement, mutator.name, "platform"));
    }
  }
  return [...out, ...releaseBeforeWrite(source, starts)];
}

/**
 * A lock released (or a permit given back) one statement early: the line with `release()` /
 * `unlock()` changes places with the statement before it, when that one is not the acquire.
 */
function releaseBeforeWrite(source: string, starts: readonly number[]): GeneratedMutant[] {
  const lines = source.split("\n");
  const out: GeneratedMutant[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!/\.(release|unlock)\(\)\s*;?\s*$/.test(line) || /^\s*}/.test(line)) continue;
    let k = i - 1;
    while (k >= 0 && (lines[k] as string).trim() === "") k--;
    const previous = lines[k];
    if (previous === undefined || /acquire|lock\(|\{\s*$|^\s*(try|finally)\b|^\s*}/.test(previous)) continue;
    const start = starts[k] as number;
    const end = (starts[i] as number) + line.length;
    const replacement = [line, ...lines.slice(k + 1, i), previous].join("\n");
    out.push({ ...mutant(source, starts, start, end, replacement, "ReleaseEarly", "platform"), id: makeId(i + 1, 1, "ReleaseEarly", line) });
  }
  return out;
}

/** Every mutant of `source`, Stryker's first, each with a distinct id. */
export async function generateMutants(source: string): Promise<GeneratedMutant[]> {
  const starts = lineStarts(source);
  const all = [...(await strykerMutants(source, starts)), ...textMutants(source, starts)];
  const seen = new Map<string, number>();
  const sources = new Set<string>([source]);
  return all
    .filter((m) => !sources.has(m.source) && sources.add(m.source) !== undefined)
    .map((m) => {
      const n = (seen.get(m.id) ?? 0) + 1;
      seen.set(m.id, n);
      return n === 1 ? m : { ...m, id: `${m.id} #${n}` };
    });
}
