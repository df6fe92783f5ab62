import { drive, test } from "judge";

test("echoes one message", async (t) => {
  t.input({ messages: ["hello"] });
  t.expectScenario(await drive("run", "echo", { messages: ["hello"] }));
}, { weight: 1, hint: "Read with recv until it returns an empty array, and send back what you read with sendall." });

test("echoes several messages in turn", async (t) => {
  const messages = ["first line\n", "second line\n", "héllo wörld ✓"];
  t.input({ messages });
  t.expectScenario(await drive("run", "echo", { messages }));
});

test("two clients at once", async (t) => {
  t.input("alice and bob connect, then talk in turns");
  t.expectScenario(await drive("run", "twoAtOnce"));
}, { hint: "Do not wait for one client to finish before accepting the next: start a handler without awaiting it." });

test("a new client after the first one leaves", async (t) => {
  t.input("one client hangs up abruptly, then another connects");
  t.expectScenario(await drive("run", "oneAfterAnother", { clients: 1 }));
}, { hint: "The server serves forever: accept again after a client disconnects." });

test("1-byte segments", async (t) => {
  t.expectScenario(await drive("run", "echo", { messages: ["every byte in its own segment", "and again"] }, { split: "bytes" }));
}, { hidden: true, weight: 2, hint: "One recv is not one message: keep reading until the client closes." });

test("random splits and merges", async (t) => {
  t.expectScenario(await drive("run", "binary", { size: 5000 }, { split: "random", seed: 11 }));
}, { hidden: true, hint: "TCP is a byte stream: echo whatever arrives, as it arrives." });

test("big binary message", async (t) => {
  t.expectScenario(await drive("run", "binary", { size: 100_000 }));
}, { hidden: true, weight: 2, hint: "Bytes are bytes: do not decode them, and keep reading until EOF." });

test("partial sends", async (t) => {
  t.expectScenario(await drive("run", "binary", { size: 3000 }, { maxSend: 7, split: "merge" }));
}, { hidden: true, weight: 2, hint: "send() may send fewer bytes than given; sendall() sends them all." });

test("clients at the same time with random splits", async (t) => {
  t.expectScenario(await drive("run", "twoAtOnce", {}, { split: "random", seed: 5 }));
}, { hidden: true, weight: 2, hint: "Serve several clients at the same time." });

test("serves client after client", async (t) => {
  t.expectScenario(await drive("run", "oneAfterAnother", { clients: 4 }, { split: "merge", seed: 2 }));
}, { hidden: true, weight: 2, hint: "Keep accepting: the server must never stop." });

test("restart on a busy port", async (t) => {
  t.expectScenario(await drive("run", "restart"));
}, { hidden: true, hint: "Old connections keep the port in TIME_WAIT; the course sets SO_REUSEADDR before bind." });
