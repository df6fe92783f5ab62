import { drive, expect, test, type ScenarioReport, type TestContext } from "judge";

/** The summary a hidden test shows must not read "ok" if a check after the scenario fails. */
function ran(t: TestContext, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but a check failed") });
}

test("echoes one datagram", async (t) => {
  t.input({ messages: ["hello"] });
  const report = await drive("run", "burst", { messages: ["hello"] });
  ran(t, report);
  expect(report.result).toEqual([5]);
}, { requires: ["R1", "R2"], hint: "recvfrom gives the data and the sender's address; sendto the data back to that address." });

test("keeps datagram boundaries", async (t) => {
  const messages = ["one", "two two", "three three three"];
  t.input({ messages });
  const report = await drive("run", "burst", { messages });
  ran(t, report);
  expect(report.result).toEqual([3, 7, 17]);
}, { requires: ["R3", "R4"] });

test("two clients", async (t) => {
  t.input("alice and bob send in turns");
  t.expectScenario(await drive("run", "twoClients"));
}, { requires: ["R5"], hint: "Answer each datagram to the address it came from." });

test("several datagrams one after another", async (t) => {
  t.input({ count: 3 });
  t.expectScenario(await drive("run", "pingPong", { count: 3 }));
}, { requires: ["R2"], hint: "Serve forever." });

test("a 4000-byte datagram", async (t) => {
  t.expectScenario(await drive("run", "burst", { sizes: [4000] }));
}, { requires: ["R3"], hidden: true, weight: 2, hint: "recvfrom(n) cuts a longer datagram to n bytes: use a buffer as big as the biggest datagram." });

test("binary datagrams of many sizes", async (t) => {
  t.expectScenario(await drive("run", "burst", { sizes: [1, 0, 255, 1500, 3000, 7] }, { seed: 4 }));
}, { requires: ["R3"], hidden: true, weight: 2, hint: "Send back the bytes, not a decoded and re-encoded text." });

test("many clients interleaved", async (t) => {
  t.expectScenario(await drive("run", "twoClients", {}, { seed: 8 }));
}, { requires: ["R5"], hidden: true, weight: 2, hint: "Answer each datagram to the address it came from." });

test("serves for a long time", async (t) => {
  t.expectScenario(await drive("run", "pingPong", { count: 20 }));
}, { requires: ["R2"], hidden: true, weight: 2, hint: "Serve for ever: answer every datagram, however many come." });

test("UTF-8 text comes back unchanged", async (t) => {
  t.expectScenario(await drive("run", "burst", { messages: ["héllo", "日本語", "✓"] }));
}, { requires: ["R3"], hidden: true, hint: "Send back exactly the bytes received: UTF-8 text too." });

test("bytes that are not text", async (t) => {
  t.expectScenario(await drive("run", "burst", { sizes: [64] }));
}, { requires: ["R3"], hidden: true, hint: "Datagrams are bytes: 0xff is not valid UTF-8." });

// ---------------------------------------------------------------- content review (issue 12)

test("the largest datagram: 65507 bytes", async (t) => {
  t.input({ sizes: [65507] });
  ran(t, await drive("run", "burst", { sizes: [65507] }));
}, { requires: ["R3"], hint: "Datagrams are up to 65507 bytes: recvfrom(n) cuts a longer one to n bytes, so n must be at least 65507." });

test("datagrams of 5000 to 65507 bytes", async (t) => {
  ran(t, await drive("run", "burst", { sizes: [5000, 40_000, 65507, 65506, 0] }, { seed: 12 }));
}, { hidden: true, requires: ["R3"], hint: "Datagrams are up to 65507 bytes: recvfrom(n) cuts a longer one to n bytes, so n must be at least 65507." });

test("several clients on one host", async (t) => {
  t.input({ clients: 3, from: "10.0.0.2, three sockets" });
  ran(t, await drive("run", "sameHost", { clients: 3 }));
}, { hidden: true, requires: ["R5"], hint: "Answer each datagram to the full address (host and port) it came from: several clients can share a host." });

test("minutes without a datagram", async (t) => {
  ran(t, await drive("run", "idle", { idleMs: 250_000 }));
}, { hidden: true, requires: ["R2"], hint: "Serve for ever: no timeout on the server's socket, however long no datagram comes." });
