import { drive, test, type ScenarioReport, type TestContext } from "judge";

/** The summary a hidden test shows must not read "ok" if a check after the scenario fails. */
function ran(t: TestContext, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but a check failed") });
}

test("echoes one message", async (t) => {
  t.input({ messages: ["hello"] });
  t.expectScenario(await drive("run", "echo", { messages: ["hello"] }));
}, { requires: ["R2"], weight: 1, hint: "Read with recv until it returns an empty array, and send back what you read with sendall." });

test("echoes several messages in turn", async (t) => {
  const messages = ["first line\n", "second line\n", "héllo wörld ✓"];
  t.input({ messages });
  t.expectScenario(await drive("run", "echo", { messages }));
}, { requires: ["R2"] });

test("two clients at once", async (t) => {
  t.input("alice and bob connect, then talk in turns");
  t.expectScenario(await drive("run", "twoAtOnce"));
}, { requires: ["R3"], hint: "Do not wait for one client to finish before accepting the next: start a handler without awaiting it." });

test("a new client after the first one leaves", async (t) => {
  t.input("one client hangs up abruptly, then another connects");
  t.expectScenario(await drive("run", "oneAfterAnother", { clients: 1 }));
}, { requires: ["R4"], hint: "The server serves forever: accept again after a client disconnects." });

test("1-byte segments", async (t) => {
  t.expectScenario(await drive("run", "echo", { messages: ["every byte in its own segment", "and again"] }, { split: "bytes" }));
}, { requires: ["R2"], hidden: true, weight: 2, hint: "One recv is not one message: keep reading until the client closes." });

test("random splits and merges", async (t) => {
  t.expectScenario(await drive("run", "binary", { size: 5000 }, { split: "random", seed: 11 }));
}, { requires: ["R2"], hidden: true, hint: "TCP is a byte stream: echo whatever arrives, as it arrives." });

test("big binary message", async (t) => {
  t.expectScenario(await drive("run", "binary", { size: 100_000 }));
}, { requires: ["R2"], hidden: true, weight: 2, hint: "Bytes are bytes: do not decode them, and keep reading until EOF." });

test("partial sends", async (t) => {
  t.expectScenario(await drive("run", "binary", { size: 3000 }, { maxSend: 7, split: "merge" }));
}, { requires: ["R2"], hidden: true, weight: 2, hint: "send() may send fewer bytes than given; sendall() sends them all." });

test("clients at the same time with random splits", async (t) => {
  t.expectScenario(await drive("run", "twoAtOnce", {}, { split: "random", seed: 5 }));
}, { requires: ["R3"], hidden: true, weight: 2, hint: "Serve several clients at the same time." });

test("serves client after client", async (t) => {
  t.expectScenario(await drive("run", "oneAfterAnother", { clients: 4 }, { split: "merge", seed: 2 }));
}, { requires: ["R4", "R5"], hidden: true, weight: 2, hint: "Keep accepting: the server must never stop." });

test("restart on a busy port", async (t) => {
  t.expectScenario(await drive("run", "restart"));
}, { requires: ["R1"], hidden: true, hint: "Old connections keep the port in TIME_WAIT; the course sets SO_REUSEADDR before bind." });

// ---------------------------------------------------------------- content review (issue 12)

test("a client silent for minutes, then minutes without clients", async (t) => {
  t.input({ idleMs: 200_000 });
  ran(t, await drive("run", "idle", { idleMs: 200_000 }));
}, { requires: ["R5", "R4"], hint: "Serve forever: no timeout on the listening socket or on a connection; a silent client stays connected as long as it likes." });

test("long silences, other lengths", async (t) => {
  ran(t, await drive("run", "idle", { idleMs: 150_000 }, { split: "random", seed: 9 }));
}, { hidden: true, requires: ["R5", "R4"], hint: "Serve forever: no timeout on the listening socket or on a connection; a silent client stays connected as long as it likes." });

test("many clients from one host at once", async (t) => {
  ran(t, await drive("run", "sameHost", { clients: 5 }, { split: "merge" }));
}, { hidden: true, requires: ["R3"], hint: "Several connections at once, also from the same host (same address, different ports): each is echoed on its own." });
