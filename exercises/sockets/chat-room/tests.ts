import { drive, expect, test, type ScenarioReport } from "judge";

type Step = [string, string];

interface Context {
  input(value: unknown): void;
  expectScenario(report: ScenarioReport): void;
}

/** Plays the script; resolves with what each client received. */
async function chat(t: Context, steps: Step[], options: Record<string, unknown> = {}): Promise<unknown> {
  t.input(steps.map(([who, text]) => `${who} -> server: ${text}`));
  const report = await drive("run", "script", { steps }, options);
  t.expectScenario(report);
  return report.result;
}

test("login answers OK", async (t) => {
  expect(await chat(t, [["alice", "L alice"]])).toEqual({ alice: ["OK"] });
}, { hint: "Answer OK to the address the login came from." });

test("others are told who entered", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"]])).toEqual({ alice: ["OK", "bob entered the chat room"], bob: ["OK"] });
});

test("chat goes to everyone but the sender", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["carol", "L carol"], ["bob", "C bob hi all"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "carol entered the chat room", "bob: hi all"],
    bob: ["OK", "carol entered the chat room"],
    carol: ["OK", "bob: hi all"],
  });
});

test("quit tells the others and answers EXIT", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["bob", "Q bob"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob left the chat room"],
    bob: ["OK", "EXIT"],
  });
});

test("a name can be used only once", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L alice"], ["bob", "L bob"]])).toEqual({
    alice: ["OK", "bob entered the chat room"],
    bob: ["The user already exists", "OK"],
  });
}, { hidden: true, weight: 2, hint: "Refuse a name that is already logged in." });

test("the sender does not get its own line", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["alice", "C alice hello"], ["bob", "C bob hey"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob: hey"],
    bob: ["OK", "alice: hello"],
  });
}, { hidden: true, weight: 2 });

test("text with spaces is kept whole", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["bob", "C bob how  are you today?"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob: how  are you today?"],
    bob: ["OK"],
  });
}, { hidden: true, weight: 2, hint: "The text is everything after the name, spaces included." });

test("the one who quits gets EXIT", async (t) => {
  expect(await chat(t, [["carol", "L carol"], ["carol", "Q carol"]])).toEqual({ carol: ["OK", "EXIT"] });
}, { hidden: true, weight: 2 });

test("the newcomer is not told about itself", async (t) => {
  expect(await chat(t, [["dave", "L dave"], ["alice", "L alice"]])).toEqual({ dave: ["OK", "alice entered the chat room"], alice: ["OK"] });
}, { hidden: true });

test("administrator announcements reach everyone", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["admin", "A server restarts at noon"], ["bob", "Q bob"], ["admin", "A bye"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "Administrator: server restarts at noon", "bob left the chat room", "Administrator: bye"],
    bob: ["OK", "Administrator: server restarts at noon", "EXIT"],
  });
}, { hidden: true, weight: 2 });

test("a full session", async (t) => {
  const steps: Step[] = [["alice", "L alice"], ["bob", "L bob"], ["carol", "L bob"], ["carol", "L carol"], ["alice", "C alice 你好 ✓"], ["carol", "Q carol"], ["bob", "C bob still here"]];
  expect(await chat(t, steps, { seed: 12 })).toEqual({
    alice: ["OK", "bob entered the chat room", "carol entered the chat room", "carol left the chat room", "bob: still here"],
    bob: ["OK", "carol entered the chat room", "alice: 你好 ✓", "carol left the chat room"],
    carol: ["The user already exists", "OK", "alice: 你好 ✓", "EXIT"],
  });
}, { hidden: true, weight: 2 });
