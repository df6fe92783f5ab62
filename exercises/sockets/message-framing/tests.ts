import { drive, expect, student, test } from "judge";

const bytes = (values: number[]): Uint8Array => Uint8Array.from(values);

test("encodeFrame puts a big-endian length first", async (t) => {
  t.input("encodeFrame(bytes 'a' 'b' 'c')");
  const frame = await student.call<Uint8Array>("encodeFrame", bytes([97, 98, 99]));
  expect(Array.from(frame)).toEqual([0, 0, 0, 3, 97, 98, 99]);
}, { hint: "4 bytes of length, most significant byte first (DataView.setUint32 with littleEndian false)." });

test("decoder: two frames in one chunk", async (t) => {
  t.input({ frames: ["hello", "world"], chunks: "all at once" });
  const report = await drive("run", "decode", { frames: ["hello", "world"] });
  t.expectScenario(report);
  expect(report.result).toEqual(["hello", "world"]);
});

test("decoder: a frame in 1-byte chunks", async (t) => {
  t.input({ frames: ["split"], chunkSizes: [1] });
  const report = await drive("run", "decode", { frames: ["split"], sizes: [1] });
  t.expectScenario(report);
  expect(report.result).toEqual(["split"]);
}, { hint: "Keep the bytes of an incomplete frame (or header) for the next push." });

test("server answers with the payload reversed", async (t) => {
  t.input({ frames: ["abc", "hello"] });
  const report = await drive("run", "server", { frames: ["abc", "hello"] });
  t.expectScenario(report);
  expect(report.result).toEqual(["cba", "olleh"]);
});

test("encodeFrame of a 300-byte payload", async () => {
  const frame = await student.call<Uint8Array>("encodeFrame", new Uint8Array(300).fill(7));
  expect(Array.from(frame.slice(0, 4))).toEqual([0, 0, 1, 44]);
  expect(frame.length).toBe(304);
}, { hidden: true, weight: 2, hint: "Big-endian: the most significant byte first." });

test("decoder: header cut between chunks", async () => {
  const report = await drive("run", "decode", { frames: ["first frame", "second", ""], sizes: [2, 3, 5, 1, 7] });
  expect(report.result).toEqual(["first frame", "second", ""]);
}, { hidden: true, weight: 2, hint: "The 4-byte header itself can arrive in pieces." });

test("decoder: many frames in one chunk", async () => {
  const frames = ["a", "bb", "ccc", "dddd", "eeeee"];
  const report = await drive("run", "decode", { frames, sizes: [0] });
  expect(report.result).toEqual(frames);
}, { hidden: true, weight: 2, hint: "Return every complete frame of the chunk, and keep the rest." });

test("decoder refuses frames over 1 MiB", async () => {
  const report = await drive("run", "oversize", { declared: 1024 * 1024 + 1 });
  expect(report.result).toEqual({ raised: "RangeError" });
  const ok = await drive("run", "oversize", { declared: 8 });
  expect(ok.result).toEqual({ returned: 1 });
}, { hidden: true, hint: "Check the declared length before waiting for the payload." });

test("server with 1-byte segments", async (t) => {
  t.expectScenario(await drive("run", "server", { frames: ["one", "two", "three"] }, { split: "bytes" }));
}, { hidden: true, weight: 2, hint: "One recv is not one frame: feed every chunk to a FrameDecoder." });

test("server with merged frames", async (t) => {
  t.expectScenario(await drive("run", "server", { frames: ["x", "yy", "zzz", "sticky packets"], together: true }, { split: "merge" }));
}, { hidden: true, weight: 2 });

test("server with random splits", async (t) => {
  const frames = Array.from({ length: 8 }, (_, i) => `frame number ${i} `.repeat(i + 1));
  t.expectScenario(await drive("run", "server", { frames }, { split: "random", seed: 21 }));
}, { hidden: true, weight: 2 });
