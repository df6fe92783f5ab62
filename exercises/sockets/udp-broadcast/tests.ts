import { drive, expect, test, type ScenarioReport } from "judge";

interface Context {
  input(value: unknown): void;
  expectScenario(report: ScenarioReport): void;
}

async function send(t: Context, params: Record<string, unknown>, options: Record<string, unknown> = {}): Promise<unknown> {
  t.input(params);
  const report = await drive("run", "send", params, options);
  ran(t, report);
  return report.result;
}

/** The summary a hidden test shows must not read "ok" if a check after the scenario fails. */
function ran(t: Context, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but a check failed") });
}

const every = (text: string, times: number[]) => ({
  ann: times.map((t) => ({ t, text })),
  ben: times.map((t) => ({ t, text })),
  cat: times.map((t) => ({ t, text })),
});

test("every host of the subnet receives the broadcast", async (t) => {
  expect(await send(t, { message: "hello subnet", times: 1 })).toEqual(every("hello subnet", [1]));
}, { requires: ["R1", "R2"], hint: "Send to the subnet's broadcast address, 10.0.0.255; set SO_BROADCAST first." });

test("three messages two seconds apart", async (t) => {
  expect(await send(t, { message: "Beijing 11.17 early winter", times: 3, intervalMs: 2000 })).toEqual(every("Beijing 11.17 early winter", [1, 2001, 4001]));
}, { requires: ["R3"], hint: "Send at once, then wait intervalMs between sends (sleep from the socket module)." });

test("listen returns the messages received", async (t) => {
  t.input({ count: 2 });
  const report = await drive("run", "receive", { count: 2 });
  ran(t, report);
  expect(report.result).toEqual({ ann: ["news 1", "news 2"], ben: ["news 1", "news 2"] });
}, { requires: ["R5"] });

test("defaults: 3 times, 2000 ms apart", async (t) => {
  expect(await send(t, { message: "defaults", defaults: true })).toEqual(every("defaults", [1, 2001, 4001]));
}, { requires: ["R3"] });

test("broadcast needs SO_BROADCAST", async (t) => {
  expect(await send(t, { message: "x", times: 1 }, { seed: 5 })).toEqual(every("x", [1]));
}, { requires: ["R1"], hidden: true, weight: 2, hint: "sendto a broadcast address fails with EACCES unless SO_BROADCAST is set." });

test("all hosts get every message", async (t) => {
  expect(await send(t, { message: "all of you", times: 2, intervalMs: 10 })).toEqual(every("all of you", [1, 11]));
}, { requires: ["R2"], hidden: true, weight: 2, hint: "One datagram to the broadcast address reaches every host." });

test("intervals are respected", async (t) => {
  expect(await send(t, { message: "tick", times: 4, intervalMs: 500 })).toEqual(every("tick", [1, 501, 1001, 1501]));
}, { requires: ["R3"], hidden: true, weight: 2, hint: "Wait between the sends, not before the first one." });

test("another port", async (t) => {
  expect(await send(t, { message: "port 7000", times: 2, intervalMs: 100, port: 7000 })).toEqual(every("port 7000", [1, 101]));
}, { requires: ["R2"], hidden: true, hint: "Send to the port you are given." });

test("listen stops after count messages", async (t) => {
  const report = await drive("run", "receive", { count: 3, extra: 2 });
  ran(t, report);
  expect(report.result).toEqual({ ann: ["news 1", "news 2", "news 3"], ben: ["news 1", "news 2", "news 3"] });
}, { requires: ["R5"], hidden: true, weight: 2, hint: "listen receives exactly count datagrams, returns their texts in order, and stops." });

test("two listeners on other ports", async (t) => {
  const report = await drive("run", "receive", { count: 4, port: 5555, extra: 0 });
  ran(t, report);
  expect(report.result).toEqual({ ann: ["news 1", "news 2", "news 3", "news 4"], ben: ["news 1", "news 2", "news 3", "news 4"] });
}, { requires: ["R5"], hidden: true, hint: "listen binds to the port it is given and returns exactly count texts." });

// ---------------------------------------------------------------- content review (issue 12)

interface WireEvent { from: string; to: string; proto: string; flags: string }

/** Where the sender (10.0.0.1) sent its UDP datagrams, from the network trace. */
function sentTo(report: ScenarioReport): string[] {
  const events = (report.visualization as { data?: { events?: WireEvent[] } } | undefined)?.data?.events ?? [];
  return events.filter((e) => e.proto === "udp" && e.from.startsWith("10.0.0.1:")).map((e) => e.to);
}

test("one broadcast datagram per send", async (t) => {
  t.input({ message: "to everyone", times: 2, intervalMs: 50 });
  const report = await drive("run", "send", { message: "to everyone", times: 2, intervalMs: 50 });
  ran(t, report);
  expect(sentTo(report), "the addresses the sender's datagrams went to").toEqual(["10.0.0.255:9999", "10.0.0.255:9999"]);
}, { requires: ["R2"], hint: "Send one datagram to the broadcast address 10.0.0.255 each time, not one datagram to each host." });

test("broadcast datagrams on another port", async (t) => {
  const report = await drive("run", "send", { message: "port 4000", times: 3, intervalMs: 5, port: 4000 });
  ran(t, report);
  expect(sentTo(report), "the addresses the sender's datagrams went to").toEqual(["10.0.0.255:4000", "10.0.0.255:4000", "10.0.0.255:4000"]);
}, { hidden: true, requires: ["R2"], hint: "Send one datagram to the broadcast address each time, not one datagram to each host." });

test("broadcast resolves right after the last send", async (t) => {
  t.input({ message: "tick", times: 3, intervalMs: 1000 });
  const report = await drive("run", "sendTimed", { message: "tick", times: 3, intervalMs: 1000 });
  ran(t, report);
  expect(report.result, "when broadcast() resolved and what the listener received (simulated ms)").toEqual({
    resolvedAt: 2000,
    received: [{ t: 1, text: "tick" }, { t: 1001, text: "tick" }, { t: 2001, text: "tick" }],
  });
}, { requires: ["R3", "R4"], hint: "Wait intervalMs between two sends only: resolve right after the last send, without waiting after it." });

test("when broadcast resolves, other counts", async (t) => {
  for (const [times, intervalMs, resolvedAt] of [[1, 5000, 0], [4, 300, 900], [0, 100, 0]] as const) {
    const report = await drive("run", "sendTimed", { message: "Grüße ✓", times, intervalMs });
    ran(t, report);
    const result = report.result as { resolvedAt: number; received: { t: number; text: string }[] };
    expect(result.resolvedAt, `when broadcast("Grüße ✓", 9999, ${times}, ${intervalMs}) resolved (simulated ms)`).toBe(resolvedAt);
    expect(result.received.map((r) => r.text), `what the listener received (times ${times})`).toEqual(Array.from({ length: times }, () => "Grüße ✓"));
  }
}, { hidden: true, requires: ["R3", "R4"], hint: "times sends, intervalMs apart, the first at once; resolve right after the last send (at once when times is 0 or 1)." });

test("broadcast closes its socket", async (t) => {
  for (const times of [2, 0]) {
    const report = await drive("run", "sendCloses", { times });
    ran(t, report);
  }
}, { hidden: true, requires: ["R4"], hint: "Close the socket when the sends are done, also when times is 0 (a try/finally does both)." });

test("two listeners on one host", async (t) => {
  t.input({ count: 2, listeners: "two on 10.0.0.2, one on 10.0.0.3" });
  const report = await drive("run", "sameHostListen", { count: 2, bigSize: 100 });
  ran(t, report);
}, { requires: ["R5", "R6"], hint: "Set SO_REUSEADDR before bind so that several listeners can share a host, and close the socket before returning." });

test("listeners on one host, long messages", async (t) => {
  const report = await drive("run", "sameHostListen", { count: 3, bigSize: 3000, port: 6000 });
  ran(t, report);
}, { hidden: true, requires: ["R5", "R6"], hint: "Receive whole datagrams (up to 65507 bytes), decode them as UTF-8, set SO_REUSEADDR, and close the socket before returning." });
