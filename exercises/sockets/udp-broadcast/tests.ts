import { drive, expect, test, type ScenarioReport } from "judge";

interface Context {
  input(value: unknown): void;
  expectScenario(report: ScenarioReport): void;
}

async function send(t: Context, params: Record<string, unknown>, options: Record<string, unknown> = {}): Promise<unknown> {
  t.input(params);
  const report = await drive("run", "send", params, options);
  t.expectScenario(report);
  return report.result;
}

const every = (text: string, times: number[]) => ({
  ann: times.map((t) => ({ t, text })),
  ben: times.map((t) => ({ t, text })),
  cat: times.map((t) => ({ t, text })),
});

test("every host of the subnet receives the broadcast", async (t) => {
  expect(await send(t, { message: "hello subnet", times: 1 })).toEqual(every("hello subnet", [1]));
}, { hint: "Send to the subnet's broadcast address, 10.0.0.255; set SO_BROADCAST first." });

test("three messages two seconds apart", async (t) => {
  expect(await send(t, { message: "Beijing 11.17 early winter", times: 3, intervalMs: 2000 })).toEqual(every("Beijing 11.17 early winter", [1, 2001, 4001]));
}, { hint: "Send at once, then wait intervalMs between sends (sleep from the socket module)." });

test("listen returns the messages received", async (t) => {
  t.input({ count: 2 });
  const report = await drive("run", "receive", { count: 2 });
  t.expectScenario(report);
  expect(report.result).toEqual({ ann: ["news 1", "news 2"], ben: ["news 1", "news 2"] });
});

test("defaults: 3 times, 2000 ms apart", async (t) => {
  expect(await send(t, { message: "defaults", defaults: true })).toEqual(every("defaults", [1, 2001, 4001]));
});

test("broadcast needs SO_BROADCAST", async (t) => {
  expect(await send(t, { message: "x", times: 1 }, { seed: 5 })).toEqual(every("x", [1]));
}, { hidden: true, weight: 2, hint: "sendto a broadcast address fails with EACCES unless SO_BROADCAST is set." });

test("all hosts get every message", async (t) => {
  expect(await send(t, { message: "all of you", times: 2, intervalMs: 10 })).toEqual(every("all of you", [1, 11]));
}, { hidden: true, weight: 2, hint: "One datagram to the broadcast address reaches every host." });

test("intervals are respected", async (t) => {
  expect(await send(t, { message: "tick", times: 4, intervalMs: 500 })).toEqual(every("tick", [1, 501, 1001, 1501]));
}, { hidden: true, weight: 2, hint: "Wait between the sends, not before the first one." });

test("another port", async (t) => {
  expect(await send(t, { message: "port 7000", times: 2, intervalMs: 100, port: 7000 })).toEqual(every("port 7000", [1, 101]));
}, { hidden: true });

test("listen stops after count messages", async (t) => {
  const report = await drive("run", "receive", { count: 3, extra: 2 });
  t.expectScenario(report);
  expect(report.result).toEqual({ ann: ["news 1", "news 2", "news 3"], ben: ["news 1", "news 2", "news 3"] });
}, { hidden: true, weight: 2 });

test("two listeners on other ports", async (t) => {
  const report = await drive("run", "receive", { count: 4, port: 5555, extra: 0 });
  t.expectScenario(report);
  expect(report.result).toEqual({ ann: ["news 1", "news 2", "news 3", "news 4"], ben: ["news 1", "news 2", "news 3", "news 4"] });
}, { hidden: true });
