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
  ran(t, report);
  return report.result;
}

/** The summary a hidden test shows must not read "ok" if a check after the scenario fails. */
function ran(t: Context, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but what the clients received was wrong") });
}

test("login answers OK", async (t) => {
  expect(await chat(t, [["alice", "L alice"]])).toEqual({ alice: ["OK"] });
}, { requires: ["R1", "R3"], hint: "Answer OK to the address the login came from." });

test("others are told who entered", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"]])).toEqual({ alice: ["OK", "bob entered the chat room"], bob: ["OK"] });
}, { requires: ["R3"] });

test("chat goes to everyone but the sender", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["carol", "L carol"], ["bob", "C bob hi all"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "carol entered the chat room", "bob: hi all"],
    bob: ["OK", "carol entered the chat room"],
    carol: ["OK", "bob: hi all"],
  });
}, { requires: ["R4"] });

test("quit tells the others and answers EXIT", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["bob", "Q bob"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob left the chat room"],
    bob: ["OK", "EXIT"],
  });
}, { requires: ["R6"] });

test("a name can be used only once", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L alice"], ["bob", "L bob"]])).toEqual({
    alice: ["OK", "bob entered the chat room"],
    bob: ["The user already exists", "OK"],
  });
}, { requires: ["R2"], hidden: true, weight: 2, hint: "Refuse a name that is already logged in." });

test("the sender does not get its own line", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["alice", "C alice hello"], ["bob", "C bob hey"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob: hey"],
    bob: ["OK", "alice: hello"],
  });
}, { requires: ["R4"], hidden: true, weight: 2, hint: "A chat line goes to every logged-in user except its sender." });

test("text with spaces is kept whole", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["bob", "C bob how  are you today?"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob: how  are you today?"],
    bob: ["OK"],
  });
}, { requires: ["R4"], hidden: true, weight: 2, hint: "The text is everything after the name, spaces included." });

test("the one who quits gets EXIT", async (t) => {
  expect(await chat(t, [["carol", "L carol"], ["carol", "Q carol"]])).toEqual({ carol: ["OK", "EXIT"] });
}, { requires: ["R6"], hidden: true, weight: 2, hint: "Q: the quitter is forgotten, the others are told it left, and the quitter gets EXIT." });

test("the newcomer is not told about itself", async (t) => {
  expect(await chat(t, [["dave", "L dave"], ["alice", "L alice"]])).toEqual({ dave: ["OK", "alice entered the chat room"], alice: ["OK"] });
}, { requires: ["R3"], hidden: true, hint: "The users already logged in are told who entered; the newcomer only gets OK." });

test("administrator announcements reach everyone", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["admin", "A server restarts at noon"], ["bob", "Q bob"], ["admin", "A bye"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "Administrator: server restarts at noon", "bob left the chat room", "Administrator: bye"],
    bob: ["OK", "Administrator: server restarts at noon", "EXIT"],
  });
}, { requires: ["R8"], hidden: true, weight: 2, hint: "A: every logged-in user gets Administrator: <text>, and a user who left gets nothing more." });

test("a full session", async (t) => {
  const steps: Step[] = [["alice", "L alice"], ["bob", "L bob"], ["carol", "L bob"], ["carol", "L carol"], ["alice", "C alice 你好 ✓"], ["carol", "Q carol"], ["bob", "C bob still here"]];
  expect(await chat(t, steps, { seed: 12 })).toEqual({
    alice: ["OK", "bob entered the chat room", "carol entered the chat room", "carol left the chat room", "bob: still here"],
    bob: ["OK", "carol entered the chat room", "alice: 你好 ✓", "carol left the chat room"],
    carol: ["The user already exists", "OK", "alice: 你好 ✓", "EXIT"],
  });
}, { requires: ["R2", "R3", "R4", "R6"], hidden: true, weight: 2, hint: "Follow the table for every datagram: refused names, entries, chat lines, quits, in the order they come." });

// ---------------------------------------------------------------- content review (issue 12)

async function chatOn(t: Context, hosts: Record<string, string>, steps: Step[], options: Record<string, unknown> = {}): Promise<ScenarioReport> {
  t.input({ hosts, steps: steps.map(([who, text]) => `${who} -> server: ${text}`) });
  const report = await drive("run", "scriptOn", { hosts, steps }, options);
  ran(t, report);
  return report;
}

test("chat and quit from a name that is not logged in", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["carol", "C dave hello?"], ["carol", "Q dave"]])).toEqual({
    alice: ["OK", "bob entered the chat room"],
    bob: ["OK"],
  });
}, { requires: ["R5", "R7"], hint: "C and Q with a name that is not logged in are ignored: nobody is told anything, not even the sender." });

test("commands from a user who has left", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["bob", "Q bob"], ["bob", "C bob still there?"], ["bob", "Q bob"], ["carol", "Q carol"], ["alice", "A hello"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob left the chat room", "Administrator: hello"],
    bob: ["OK", "EXIT"],
  });
}, { hidden: true, requires: ["R5", "R7", "R6"], hint: "After Q the name is forgotten: its C and Q lines are ignored, and nobody is told anything." });

test("names with a space, or empty, are refused", async (t) => {
  expect(await chat(t, [["alice", "L bob smith"], ["alice", "L "], ["alice", "L alice"], ["bob", "L bob"]])).toEqual({
    alice: ["The user already exists", "The user already exists", "OK", "bob entered the chat room"],
    bob: ["OK"],
  });
}, { requires: ["R2"], hint: "A name that is empty or contains a space is refused with The user already exists, like a name already logged in." });

test("a refused name with a space does not log its first word in", async (t) => {
  expect(await chat(t, [["carol", "L carol"], ["bob", "L bob smith"], ["dave", "L "], ["bob", "L bob"], ["bob", "C bob hi"]])).toEqual({
    carol: ["OK", "bob entered the chat room", "bob: hi"],
    bob: ["The user already exists", "OK"],
    dave: ["The user already exists"],
  });
}, { hidden: true, requires: ["R2", "R3"], hint: "L with an empty name or a name containing a space is refused as a whole: nothing is logged in, nobody else is told." });

test("text with leading spaces", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["bob", "C bob   three spaces first"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "bob:   three spaces first"],
    bob: ["OK"],
  });
}, { requires: ["R4"], hint: "The text is everything after the one space that follows the name: spaces at its start are part of it." });

test("leading spaces and tabs in chat and announcements", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "L bob"], ["alice", "C alice \tindented "], ["admin", "A   spaced out"]])).toEqual({
    alice: ["OK", "bob entered the chat room", "Administrator:   spaced out"],
    bob: ["OK", "alice: \tindented ", "Administrator:   spaced out"],
  });
}, { hidden: true, requires: ["R4", "R8"], hint: "The text is everything after the one space that follows the name (or the A): leading spaces and tabs are kept." });

test("anything else is ignored", async (t) => {
  expect(await chat(t, [["alice", "L alice"], ["bob", "hello"], ["bob", "l bob"], ["bob", "X bob"], ["bob", ""], ["bob", "L bob"]])).toEqual({
    alice: ["OK", "bob entered the chat room"],
    bob: ["OK"],
  });
}, { hidden: true, requires: ["R9"], hint: "A datagram that is not L, C, Q or A followed by a space gets no answer and changes nothing." });

test("several users on one host", async (t) => {
  const report = await chatOn(t, { alice: "10.0.0.2", bob: "10.0.0.2", carol: "10.0.0.3" }, [
    ["alice", "L alice"], ["bob", "L bob"], ["carol", "L carol"], ["bob", "C bob same host"], ["alice", "Q alice"],
  ]);
  expect(report.result).toEqual({
    alice: ["OK", "bob entered the chat room", "carol entered the chat room", "bob: same host", "EXIT"],
    bob: ["OK", "carol entered the chat room", "alice left the chat room"],
    carol: ["OK", "bob: same host", "alice left the chat room"],
  });
}, { hidden: true, requires: ["R1", "R3", "R6"], hint: "Remember each user at its full address (host and port): several users can share a host." });

test("users are told things in the order they logged in", async (t) => {
  const hosts = { dave: "10.0.0.5", alice: "10.0.0.2", carol: "10.0.0.4", bob: "10.0.0.3" };
  const report = await chatOn(t, hosts, [["dave", "L dave"], ["alice", "L alice"], ["carol", "L carol"], ["bob", "L bob"], ["admin", "A in order"]]);
  const events = ((report.visualization as { data?: { events?: Array<{ from: string; to: string; text: string }> } } | undefined)?.data?.events ?? [])
    .filter((e) => e.from.startsWith("10.0.0.1:") && e.text === "Administrator: in order")
    .map((e) => e.to.split(":")[0]);
  expect(events, "the hosts the announcement was sent to, in order").toEqual(["10.0.0.5", "10.0.0.2", "10.0.0.4", "10.0.0.3"]);
}, { hidden: true, requires: ["R10", "R8"], hint: "Users are told things in the order they logged in (dave, then alice, then carol, then bob here)." });

test("minutes of silence between messages", async (t) => {
  const report = await chatOn(t, { alice: "10.0.0.2", bob: "10.0.0.3" }, [["alice", "L alice"], ["wait", "250000"], ["bob", "L bob"], ["wait", "300000"], ["bob", "C bob still there?"]]);
  expect(report.result).toEqual({ alice: ["OK", "bob entered the chat room", "bob: still there?"], bob: ["OK"] });
}, { hidden: true, requires: ["R1"], hint: "Serve for ever: no timeout on the server's socket, however long no datagram comes." });

test("a chat line without text is ignored", async (t) => {
  expect(await chat(t, [["carol", "L bo"], ["bob", "L bob"], ["bob", "C bob"], ["carol", "C bo"]])).toEqual({
    carol: ["OK", "bob entered the chat room"],
    bob: ["OK"],
  });
}, { hidden: true, requires: ["R4", "R9"], hint: "C <name> <text> needs the space after the name: a C line with a name and nothing after it is not a chat line and is ignored." });
