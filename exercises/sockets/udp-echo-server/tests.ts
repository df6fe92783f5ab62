import { drive, expect, test } from "judge";

test("echoes one datagram", async (t) => {
  t.input({ messages: ["hello"] });
  const report = await drive("run", "burst", { messages: ["hello"] });
  t.expectScenario(report);
  expect(report.result).toEqual([5]);
}, { hint: "recvfrom gives the data and the sender's address; sendto the data back to that address." });

test("keeps datagram boundaries", async (t) => {
  const messages = ["one", "two two", "three three three"];
  t.input({ messages });
  const report = await drive("run", "burst", { messages });
  t.expectScenario(report);
  expect(report.result).toEqual([3, 7, 17]);
});

test("two clients", async (t) => {
  t.input("alice and bob send in turns");
  t.expectScenario(await drive("run", "twoClients"));
}, { hint: "Answer each datagram to the address it came from." });

test("several datagrams one after another", async (t) => {
  t.input({ count: 3 });
  t.expectScenario(await drive("run", "pingPong", { count: 3 }));
}, { hint: "Serve forever." });

test("a 4000-byte datagram", async (t) => {
  t.expectScenario(await drive("run", "burst", { sizes: [4000] }));
}, { hidden: true, weight: 2, hint: "recvfrom(n) cuts a longer datagram to n bytes: use a buffer as big as the biggest datagram." });

test("binary datagrams of many sizes", async (t) => {
  t.expectScenario(await drive("run", "burst", { sizes: [1, 0, 255, 1500, 3000, 7] }, { seed: 4 }));
}, { hidden: true, weight: 2, hint: "Send back the bytes, not a decoded and re-encoded text." });

test("many clients interleaved", async (t) => {
  t.expectScenario(await drive("run", "twoClients", {}, { seed: 8 }));
}, { hidden: true, weight: 2 });

test("serves for a long time", async (t) => {
  t.expectScenario(await drive("run", "pingPong", { count: 20 }));
}, { hidden: true, weight: 2 });

test("UTF-8 text comes back unchanged", async (t) => {
  t.expectScenario(await drive("run", "burst", { messages: ["héllo", "日本語", "✓"] }));
}, { hidden: true });

test("bytes that are not text", async (t) => {
  t.expectScenario(await drive("run", "burst", { sizes: [64] }));
}, { hidden: true, hint: "Datagrams are bytes: 0xff is not valid UTF-8." });
