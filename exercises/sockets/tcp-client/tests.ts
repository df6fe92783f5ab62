import { drive, expect, test, type ScenarioReport } from "judge";

interface Context {
  input(value: unknown): void;
  expectScenario(report: ScenarioReport): void;
}

/** Runs request() against the simulated server; resolves with what it returned. */
async function ask(t: Context, params: Record<string, unknown>, options: Record<string, unknown> = {}): Promise<unknown> {
  t.input(params);
  const report = await drive("run", "request", params, options);
  t.expectScenario(report);
  return report.result;
}

test("short request and reply", async (t) => {
  expect(await ask(t, { message: "hello", reply: "HELLO" })).toEqual("HELLO");
}, { hint: "connect, sendall the encoded message, then recv until it returns an empty array." });

test("reply in several pieces", async (t) => {
  const reply = "The reply comes in three pieces, a little apart.";
  expect(await ask(t, { message: "tell me", reply, pieces: 3, gapMs: 10 })).toEqual(reply);
}, { hint: "Keep calling recv until the server closes the connection." });

test("UTF-8 reply", async (t) => {
  expect(await ask(t, { message: "Grüße", reply: "héllo wörld ✓" })).toEqual("héllo wörld ✓");
});

test("connection refused", async (t) => {
  t.input("nobody listens on the port");
  const report = await drive("run", "refused");
  t.expectScenario(report);
  expect(report.result).toEqual({ raised: "ECONNREFUSED" });
}, { hint: "Let the SocketError from connect reach the caller." });

test("1-byte segments with multi-byte characters", async (t) => {
  const reply = "日本語 ✓ 😀 é and more";
  expect(await ask(t, { message: "unicode please", reply }, { split: "bytes" })).toEqual(reply);
}, { hidden: true, weight: 2, hint: "A character can be cut between two segments: decode with { stream: true }, or join the bytes before decoding." });

test("random splits", async (t) => {
  const reply = "first line\nsecond line, a bit longer\nthird line: ünïcödé\n";
  expect(await ask(t, { message: "lines", reply }, { split: "random", seed: 3 })).toEqual(reply);
}, { hidden: true, weight: 2 });

test("long message with partial sends", async (t) => {
  const message = "x".repeat(3000) + "END";
  expect(await ask(t, { message, reply: "got it" }, { maxSend: 100 })).toEqual("got it");
}, { hidden: true, weight: 2, hint: "send() may send fewer bytes than given; sendall() sends them all." });

test("multi-line reply", async (t) => {
  const reply = "line 1\nline 2\nline 3\n";
  expect(await ask(t, { message: "lines", reply, pieces: 3, gapMs: 5 })).toEqual(reply);
}, { hidden: true, hint: "Read until the server closes, not until a newline." });

test("refused connection is an error", async () => {
  const report = await drive("run", "refused", {}, { seed: 9 });
  expect(report.result).toEqual({ raised: "ECONNREFUSED" });
}, { hidden: true, hint: "Do not hide errors: the caller must know the request failed." });

test("slow server", async (t) => {
  const reply = "slow... but complete";
  expect(await ask(t, { message: "take your time", reply, pieces: 5, gapMs: 500 })).toEqual(reply);
}, { hidden: true, weight: 2 });

test("empty reply", async (t) => {
  expect(await ask(t, { message: "say nothing", reply: "" }, { split: "merge" })).toEqual("");
}, { hidden: true });
