import { drive, expect, student, test, type ScenarioReport, type TestContext } from "judge";

/** The summary a hidden test shows must not read "ok" if a check after the scenario fails. */
function ran(t: TestContext, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but a check failed") });
}

const bytes = (values: number[]): Uint8Array => Uint8Array.from(values);

test("encodeFrame puts a big-endian length first", async (t) => {
  t.input("encodeFrame(bytes 'a' 'b' 'c')");
  const frame = await student.call<Uint8Array>("encodeFrame", bytes([97, 98, 99]));
  expect(Array.from(frame)).toEqual([0, 0, 0, 3, 97, 98, 99]);
}, { requires: ["R1"], hint: "4 bytes of length, most significant byte first (DataView.setUint32 with littleEndian false)." });

test("decoder: two frames in one chunk", async (t) => {
  t.input({ frames: ["hello", "world"], chunks: "all at once" });
  const report = await drive("run", "decode", { frames: ["hello", "world"] });
  ran(t, report);
  expect(report.result).toEqual(["hello", "world"]);
}, { requires: ["R2"] });

test("decoder: a frame in 1-byte chunks", async (t) => {
  t.input({ frames: ["split"], chunkSizes: [1] });
  const report = await drive("run", "decode", { frames: ["split"], sizes: [1] });
  ran(t, report);
  expect(report.result).toEqual(["split"]);
}, { requires: ["R2"], hint: "Keep the bytes of an incomplete frame (or header) for the next push." });

test("server answers with the payload reversed", async (t) => {
  t.input({ frames: ["abc", "hello"] });
  const report = await drive("run", "server", { frames: ["abc", "hello"] });
  ran(t, report);
  expect(report.result).toEqual(["cba", "olleh"]);
}, { requires: ["R4"] });

test("encodeFrame of a 300-byte payload", async () => {
  const frame = await student.call<Uint8Array>("encodeFrame", new Uint8Array(300).fill(7));
  expect(Array.from(frame.slice(0, 4))).toEqual([0, 0, 1, 44]);
  expect(frame.length).toBe(304);
}, { requires: ["R1"], hidden: true, weight: 2, hint: "Big-endian: the most significant byte first." });

test("decoder: header cut between chunks", async () => {
  const report = await drive("run", "decode", { frames: ["first frame", "second", ""], sizes: [2, 3, 5, 1, 7] });
  expect(report.result).toEqual(["first frame", "second", ""]);
}, { requires: ["R2"], hidden: true, weight: 2, hint: "The 4-byte header itself can arrive in pieces." });

test("decoder: many frames in one chunk", async () => {
  const frames = ["a", "bb", "ccc", "dddd", "eeeee"];
  const report = await drive("run", "decode", { frames, sizes: [0] });
  expect(report.result).toEqual(frames);
}, { requires: ["R2"], hidden: true, weight: 2, hint: "Return every complete frame of the chunk, and keep the rest." });

test("decoder refuses frames over 1 MiB", async () => {
  const report = await drive("run", "oversize", { declared: 1024 * 1024 + 1 });
  expect(report.result).toEqual({ raised: "RangeError" });
  const ok = await drive("run", "oversize", { declared: 8 });
  expect(ok.result).toEqual({ returned: 1 });
}, { requires: ["R3"], hidden: true, hint: "Check the declared length before waiting for the payload." });

test("server with 1-byte segments", async (t) => {
  t.expectScenario(await drive("run", "server", { frames: ["one", "two", "three"] }, { split: "bytes" }));
}, { requires: ["R4"], hidden: true, weight: 2, hint: "One recv is not one frame: feed every chunk to a FrameDecoder." });

test("server with merged frames", async (t) => {
  t.expectScenario(await drive("run", "server", { frames: ["x", "yy", "zzz", "sticky packets"], together: true }, { split: "merge" }));
}, { requires: ["R4"], hidden: true, weight: 2, hint: "Several frames can arrive in one recv: answer every one of them, in order." });

test("server with random splits", async (t) => {
  const frames = Array.from({ length: 8 }, (_, i) => `frame number ${i} `.repeat(i + 1));
  t.expectScenario(await drive("run", "server", { frames }, { split: "random", seed: 21 }));
}, { requires: ["R4"], hidden: true, weight: 2, hint: "Frames arrive cut and merged at random: answer each frame once it is complete." });

// ---------------------------------------------------------------- content review (issue 12)

test("a frame of exactly 1 MiB is allowed", async (t) => {
  t.input("a header declaring 1,048,576 bytes, then the first 16 payload bytes");
  const report = await drive("run", "oversize", { declared: 1024 * 1024 });
  expect(report.result, "push() of a header declaring exactly 1 MiB").toEqual({ returned: 0 });
}, { requires: ["R3"], hint: "Only more than 1 MiB (1,048,576 bytes) is refused: exactly 1 MiB is a valid frame, still waiting for its payload." });

test("lengths of 2^31 and more are over the limit", async () => {
  for (const declared of [2 ** 31, 2 ** 31 + 5, 2 ** 32 - 1, 1024 * 1024 + 1]) {
    const report = await drive("run", "oversize", { declared });
    expect(report.result, `push() of a header declaring ${declared} bytes`).toEqual({ raised: "RangeError" });
  }
  const exact = await drive("run", "oversize", { declared: 1024 * 1024 });
  expect(exact.result, "push() of a header declaring exactly 1 MiB").toEqual({ returned: 0 });
}, { hidden: true, requires: ["R3"], hint: "The length is an unsigned 32-bit number: any header over 1,048,576 (up to 4,294,967,295) throws a RangeError at once; exactly 1 MiB does not." });

test("encodeFrame of a 70,000-byte payload", async (t) => {
  t.input("encodeFrame(70,000 bytes)");
  const frame = await student.call<Uint8Array>("encodeFrame", new Uint8Array(70_000).fill(1));
  expect(Array.from(frame.slice(0, 4)), "the 4-byte header").toEqual([0, 1, 17, 112]);
  expect(frame.length, "the frame's length").toBe(70_004);
}, { requires: ["R1"], hint: "The length takes all 4 bytes, most significant first: 70,000 is 0x00011170." });

test("encodeFrame of a 200,000-byte payload", async () => {
  const frame = await student.call<Uint8Array>("encodeFrame", new Uint8Array(200_000).fill(2));
  expect(Array.from(frame.slice(0, 4)), "the 4-byte header").toEqual([0, 3, 13, 64]);
  expect(frame.length, "the frame's length").toBe(200_004);
}, { hidden: true, requires: ["R1"], hint: "The length takes all 4 bytes, most significant first." });

test("several clients at once, then the server closes each connection", async (t) => {
  t.input({ clients: 3, note: "each sends 3 bytes, then the rest in reverse order; each then closes its side" });
  const report = await drive("run", "clients", { clients: 3 });
  ran(t, report);
}, { requires: ["R4", "R5"], hint: "Each connection has its own FrameDecoder; answer its frames, and close the connection once the client has closed its side." });

test("several clients on one host, random splits", async (t) => {
  ran(t, await drive("run", "clients", { clients: 4, sameHost: true }, { split: "random", seed: 31 }));
}, { hidden: true, requires: ["R4", "R5"], hint: "Each connection has its own FrameDecoder (clients can share a host); close each connection once its client has closed its side." });

test("a client minutes after the others", async (t) => {
  ran(t, await drive("run", "clients", { clients: 2, idleMs: 200_000 }, { split: "bytes" }));
}, { hidden: true, requires: ["R5"], hint: "Serve forever: no timeout on the listening socket, however long no client comes." });

test("restart on a busy port", async (t) => {
  ran(t, await drive("run", "restart"));
}, { hidden: true, requires: ["R5"], hint: "An old connection keeps the port in TIME_WAIT: set SO_REUSEADDR before bind." });
