// Parallel mode (threading/parallel-sum): k student isolates, each a StudentSession over the same
// program and limits, call one export at the same time over one SharedArrayBuffer (shared, not
// copied). The host makes the input from a seed; the judge gets only the result slots and the
// wall time. Every isolate started here is disposed here, however the call ends.
import { Type, type Static } from "typebox";
import { Value } from "typebox/value";
import { decode, encode } from "./isolate/codec.ts";
import { fillInts } from "./isolate/generate.ts";
import { limitReply, StudentSession, type StudentProgram } from "./student-session.ts";

/** What `student.parallel(name, options)` sends from the judge. */
export interface ParallelOptions {
  threads: number;
  length: number;
  seed: number;
  /** Values are in 0..max. */
  max: number;
  /** Result slots after the data (default 1), all 0 at the start. */
  slots?: number;
}

export const MAX_THREADS = 16;
/** `Atomics.waitAsync` (ES2024, in Node 20; not in this project's ES2023 lib). */
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, ms: number): { async: boolean; value: Promise<string> | string } }).waitAsync;
const MAX_SLOTS = 64;

function checkOptions(optionsText: string, memoryMb: number): Required<ParallelOptions> | string {
  const o = JSON.parse(optionsText) as Partial<ParallelOptions>;
  const int = (v: unknown, min: number, max: number): boolean => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  const slots = o.slots ?? 1;
  // The shared buffer counts against every isolate's memory limit: keep it under half of it.
  const maxLength = Math.floor((memoryMb * 1024 * 1024) / 8);
  if (!int(o.threads, 1, MAX_THREADS)) return `threads must be an integer from 1 to ${MAX_THREADS}`;
  if (!int(o.length, 0, maxLength)) return `length must be an integer from 0 to ${maxLength} (half of the exercise's memoryMb)`;
  if (!int(o.seed, 0, 2 ** 32 - 1) || !int(o.max, 0, 2 ** 31 - 2) || !int(slots, 1, MAX_SLOTS)) return "seed, max and slots must be small non-negative integers";
  return { threads: o.threads!, length: o.length!, seed: o.seed!, max: o.max!, slots };
}

const Count = Type.Integer({ minimum: 0 });
/** What each thread's bridge sends back (from the student's isolate: parsed, never trusted). */
const ThreadPayload = Type.Object({
  atomics: Type.Optional(
    Type.Object({
      add: Count, sub: Count, and: Count, or: Count, xor: Count, exchange: Count, compareExchange: Count, load: Count, store: Count,
      added: Type.Number(),
    }),
  ),
});
export type ThreadReport = Static<typeof ThreadPayload>;

function threadReport(reply: string): ThreadReport {
  try {
    const payload = decode(reply.slice(reply.indexOf("\n") + 1));
    return Value.Check(ThreadPayload, payload) ? { ...(payload.atomics ? { atomics: payload.atomics } : {}) } : {};
  } catch {
    return {};
  }
}

interface ReplyMeta {
  limit?: string;
  threw?: { name: string; message: string };
  violation?: string;
  outputExceeded?: boolean;
  missing?: string;
}

export interface ParallelRun {
  /** In the bridge's format ("<meta>\n<payload>"); the payload is `{ result, wallMs, threads }`. */
  reply: string;
  /** The threads' console output. */
  output: string;
  /** The shared memory (data, then result slots), for the sandbox's own tests. */
  buffer?: SharedArrayBuffer;
}

/** Runs export `name` in `threads` fresh isolates at once, then disposes all of them. */
export async function runParallel(program: StudentProgram, name: string, optionsText: string, timeoutMs: number): Promise<ParallelRun> {
  const deadline = performance.now() + timeoutMs;
  const o = checkOptions(optionsText, program.memoryMb);
  if (typeof o === "string") return { reply: limitReply("error", `student.parallel: ${o}`), output: "" };
  // Layout: data, then result slots. The start cells [arrived, go] are in a buffer of their
  // own that only the bridge sees (a student who could reset them would hold every thread).
  const buffer = new SharedArrayBuffer((o.length + o.slots) * 4);
  const controlBuffer = new SharedArrayBuffer(8);
  const control = new Int32Array(controlBuffer);
  fillInts(new Int32Array(buffer, 0, o.length), o.seed, o.max);

  const started = await Promise.allSettled(Array.from({ length: o.threads }, () => StudentSession.start(program, Math.max(1, Math.floor(deadline - performance.now())))));
  const sessions = started.flatMap((s) => (s.status === "fulfilled" && s.value instanceof StudentSession ? [s.value] : []));
  let output = "";
  try {
    for (const [index, s] of started.entries()) {
      if (s.status === "rejected") return { reply: limitReply("error", `thread ${index} could not start: ${String(s.reason)}`), output, buffer };
      if (!(s.value instanceof StudentSession)) return { reply: limitReply(s.value.verdict, `Thread ${index} could not start: ${s.value.message}`), output, buffer };
    }
    let anyEnded = false;
    const calls = Promise.all(
      sessions.map((session, index) =>
        session.callShared(name, buffer, controlBuffer, JSON.stringify({ length: o.length, slots: o.slots, index, threads: o.threads }), deadline - performance.now()).finally(() => {
          anyEnded = true;
        }),
      ),
    );
    // Start the clock and every thread at once, when all of them are waiting (without blocking
    // this thread: it may be one of only two cores).
    for (let arrived = Atomics.load(control, 0); arrived < o.threads && !anyEnded; arrived = Atomics.load(control, 0)) {
      const waited = waitAsync(control, 0, arrived, 20);
      if (waited.async) await waited.value;
    }
    const t0 = performance.now();
    Atomics.store(control, 1, 1);
    Atomics.notify(control, 1);
    const replies = await calls;
    const wallMs = Math.round((performance.now() - t0) * 10) / 10;
    for (const session of sessions) output += await session.takeOutput();

    const metas = replies.map((r) => JSON.parse(r.slice(0, r.indexOf("\n"))) as ReplyMeta);
    const limited = replies.find((_, i) => metas[i]!.limit !== undefined);
    if (limited !== undefined) return { reply: limited, output, buffer };
    const meta: ReplyMeta = {};
    for (const [index, m] of metas.entries()) {
      if (m.threw && !meta.threw) meta.threw = { name: m.threw.name, message: `${m.threw.message} (in thread ${index} of ${o.threads})` };
      if (m.violation !== undefined) meta.violation ??= m.violation;
      if (m.outputExceeded) meta.outputExceeded = true;
      if (m.missing !== undefined) meta.missing = m.missing;
    }
    const result = Array.from(new Int32Array(buffer, o.length * 4, o.slots));
    // Per thread, what it did to the result slots with Atomics (counted in its own isolate).
    const threads = replies.map(threadReport);
    return { reply: `${JSON.stringify(meta)}\n${encode({ result, wallMs, threads })}`, output, buffer };
  } finally {
    for (const session of sessions) session.dispose();
  }
}
