import { drive, expect, test, type ScenarioReport } from "judge";

interface Context {
  input(value: unknown): void;
  expectScenario(report: ScenarioReport): void;
}

/** Runs request() against the simulated server; resolves with what it returned. */
async function ask(t: Context, params: Record<string, unknown>, options: Record<string, unknown> = {}): Promise<unknown> {
  t.input(params);
  const report = await drive("run", "request", params, options);
  ran(t, report);
  return report.result;
}

/** The summary a hidden test shows must not read "ok" if a check after the scenario fails. */
function ran(t: Context, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but request() returned the wrong reply") });
}

test("short request and reply", async (t) => {
  expect(await ask(t, { message: "hello", reply: "HELLO" })).toEqual("HELLO");
}, { requires: ["R1", "R2", "R3", "R4"], hint: "connect, sendall the encoded message, then recv until it returns an empty array." });

test("reply in several pieces", async (t) => {
  const reply = "The reply comes in three pieces, a little apart.";
  expect(await ask(t, { message: "tell me", reply, pieces: 3, gapMs: 10 })).toEqual(reply);
}, { requires: ["R3"], hint: "Keep calling recv until the server closes the connection." });

test("UTF-8 reply", async (t) => {
  expect(await ask(t, { message: "Grüße", reply: "héllo wörld ✓" })).toEqual("héllo wörld ✓");
}, { requires: ["R4"] });

test("connection refused", async (t) => {
  t.input("nobody listens on the port");
  const report = await drive("run", "refused");
  ran(t, report);
  expect(report.result).toEqual({ raised: "ECONNREFUSED" });
}, { requires: ["R5"], hint: "Let the SocketError from connect reach the caller." });

test("1-byte segments with multi-byte characters", async (t) => {
  const reply = "日本語 ✓ 😀 é and more";
  expect(await ask(t, { message: "unicode please", reply }, { split: "bytes" })).toEqual(reply);
}, { requires: ["R4"], hidden: true, weight: 2, hint: "A character can be cut between two segments: decode with { stream: true }, or join the bytes before decoding." });

test("random splits", async (t) => {
  const reply = "first line\nsecond line, a bit longer\nthird line: ünïcödé\n";
  expect(await ask(t, { message: "lines", reply }, { split: "random", seed: 3 })).toEqual(reply);
}, { requires: ["R3", "R4"], hidden: true, weight: 2, hint: "The reply arrives cut at random: join every piece until the server closes, and decode it as UTF-8." });

test("long message with partial sends", async (t) => {
  const message = "x".repeat(3000) + "END";
  expect(await ask(t, { message, reply: "got it" }, { maxSend: 100 })).toEqual("got it");
}, { requires: ["R2"], hidden: true, weight: 2, hint: "send() may send fewer bytes than given; sendall() sends them all." });

test("multi-line reply", async (t) => {
  const reply = "line 1\nline 2\nline 3\n";
  expect(await ask(t, { message: "lines", reply, pieces: 3, gapMs: 5 })).toEqual(reply);
}, { requires: ["R3"], hidden: true, hint: "Read until the server closes, not until a newline." });

test("refused connection is an error", async (t) => {
  const report = await drive("run", "refused", {}, { seed: 9 });
  ran(t, report);
  expect(report.result).toEqual({ raised: "ECONNREFUSED" });
}, { requires: ["R5"], hidden: true, hint: "Do not hide errors: the caller must know the request failed." });

test("slow server", async (t) => {
  const reply = "slow... but complete";
  expect(await ask(t, { message: "take your time", reply, pieces: 5, gapMs: 500 })).toEqual(reply);
}, { requires: ["R3"], hidden: true, weight: 2, hint: "The reply's pieces come seconds apart: keep reading until the server closes." });

test("empty reply", async (t) => {
  expect(await ask(t, { message: "say nothing", reply: "" }, { split: "merge" })).toEqual("");
}, { requires: ["R3", "R4"], hidden: true, hint: "When the server closes without sending anything, request() returns the empty string." });

// ---------------------------------------------------------------- content review (issue 12)

async function askAt(t: Context, params: Record<string, unknown>, options: Record<string, unknown> = {}): Promise<ScenarioReport> {
  t.input(params);
  const report = await drive("run", "requestTo", params, options);
  ran(t, report);
  return report;
}

/** Whether the student's host (10.0.0.2) sent a FIN: it closed its socket. */
function clientClosed(report: ScenarioReport): boolean {
  const events = (report.visualization as { data?: { events?: Array<{ from: string; flags: string }> } } | undefined)?.data?.events ?? [];
  return events.some((e) => e.from.startsWith("10.0.0.2:") && e.flags === "FIN");
}

test("a server at another address, answering after a minute", async (t) => {
  const report = await askAt(t, { host: "10.0.5.9", port: 4242, message: "anyone?", reply: "yes, after a minute", firstDelayMs: 60_000 });
  expect(report.result, "what request() returned").toEqual("yes, after a minute");
}, { requires: ["R1", "R3"], hint: "Connect to the host and port you are given, and wait as long as the server takes: no timeout, read until it closes." });

test("pauses of minutes inside the reply", async (t) => {
  const report = await askAt(t, { host: "10.0.9.1", port: 80, message: "slowly", reply: "one... two... three", pieces: 3, gapMs: 120_000 }, { split: "bytes" });
  expect(report.result, "what request() returned").toEqual("one... two... three");
}, { hidden: true, requires: ["R1", "R3"], hint: "Read until the server closes the connection, however long it pauses: do not set a timeout." });

test("the client closes its socket", async (t) => {
  const report = await askAt(t, { host: "10.0.5.9", port: 4242, message: "bye", reply: "BYE" });
  expect(report.result, "what request() returned").toEqual("BYE");
  expect(clientClosed(report), "the client's socket was closed (a FIN from 10.0.0.2)").toBe(true);
}, { requires: ["R4"], hint: "Close your socket once the reply is read (also when something fails: use finally)." });

test("the client closes its socket after a long reply", async (t) => {
  const reply = "ä".repeat(5000);
  const report = await askAt(t, { host: "10.0.0.7", port: 9999, message: "long", reply, pieces: 4, gapMs: 3 }, { split: "random", seed: 14 });
  expect(report.result, "what request() returned").toEqual(reply);
  expect(clientClosed(report), "the client's socket was closed (a FIN from 10.0.0.2)").toBe(true);
}, { hidden: true, requires: ["R3", "R4"], hint: "Return everything the server sent, and close your socket." });
