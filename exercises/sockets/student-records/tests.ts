import { drive, expect, student, test } from "judge";

interface Rec {
  id: number;
  name: string;
  age: number;
  score: number;
}

/** UTF-8 bytes of a string without TextEncoder (the judge's isolate has none). */
const utf8 = (s: string): number[] => Array.from(unescape(encodeURIComponent(s)), (c) => c.charCodeAt(0));

/** The expected packing, written independently of the student's. */
function expectedPack(rec: Rec, nameBytes: number[]): number[] {
  const out = new Uint8Array(44);
  const view = new DataView(out.buffer);
  view.setInt32(0, rec.id, true);
  out.set(nameBytes, 4);
  view.setInt32(36, rec.age, true);
  view.setFloat32(40, rec.score, true);
  return Array.from(out);
}

const lily: Rec = { id: 1, name: "Lily", age: 18, score: 1.65 };

test("packs the course's example", async (t) => {
  t.input(lily);
  const packed = await student.call<Uint8Array>("packStudent", lily);
  expect(Array.from(packed)).toEqual(expectedPack(lily, utf8("Lily")));
}, { hint: "44 bytes: int32 id, 32 bytes of name padded with zeros, int32 age, float32 score, all little-endian." });

test("unpacks what it packs", async (t) => {
  const rec: Rec = { id: 42, name: "Zoë", age: 20, score: 95.5 };
  t.input(rec);
  const packed = await student.call<Uint8Array>("packStudent", rec);
  expect(await student.call("unpackStudent", packed)).toEqual(rec);
}, { hint: "The name ends at the first zero byte." });

test("formats like the course's line", async (t) => {
  t.input(lily);
  expect(await student.call("formatLine", { ...lily, score: Math.fround(1.65) })).toEqual("1  Lily         18  1.6\n");
}, { hint: 'Python\'s "%d  %-10s   %d  %.1f\\n": the name padded with spaces to 10 characters.' });

test("the UDP server answers each record with its line", async (t) => {
  const records = [lily, { id: 2, name: "Tom", age: 19, score: 88.24 }];
  t.input(records);
  const report = await drive("run", "server", { records });
  t.expectScenario(report);
  expect(report.result).toEqual(["1  Lily         18  1.6\n", "2  Tom          19  88.2\n"]);
});

test("negative numbers and exact bytes", async () => {
  const rec: Rec = { id: -7, name: "Ann", age: 2147483647, score: -3.75 };
  expect(Array.from(await student.call<Uint8Array>("packStudent", rec))).toEqual(expectedPack(rec, utf8("Ann")));
}, { hidden: true, weight: 2, hint: "Little-endian (the '<' of the format)." });

test("a long name is cut without splitting a character", async () => {
  const rec: Rec = { id: 3, name: "a" + "é".repeat(20), age: 30, score: 7 };
  const packed = await student.call<Uint8Array>("packStudent", rec);
  expect(Array.from(packed)).toEqual(expectedPack(rec, utf8("a" + "é".repeat(15))));
  expect(await student.call("unpackStudent", packed)).toEqual({ ...rec, name: "a" + "é".repeat(15) });
}, { hidden: true, weight: 2, hint: "é is 2 bytes in UTF-8: keep only whole characters within 32 bytes." });

test("unpack removes the padding", async () => {
  const bytes = Uint8Array.from(expectedPack({ id: 9, name: "Bo", age: 5, score: 0.5 }, utf8("Bo")));
  expect(await student.call("unpackStudent", bytes)).toEqual({ id: 9, name: "Bo", age: 5, score: 0.5 });
}, { hidden: true, weight: 2 });

test("format pads short names and keeps long ones", async () => {
  expect(await student.call("formatLine", { id: 10, name: "Al", age: 7, score: 99.94 })).toEqual("10  Al           7  99.9\n");
  expect(await student.call("formatLine", { id: 11, name: "Maximilianus", age: 7, score: 0.06 })).toEqual("11  Maximilianus   7  0.1\n");
}, { hidden: true, weight: 2 });

test("server answers many records", async () => {
  const records = Array.from({ length: 6 }, (_, i) => ({ id: 100 + i, name: `S${i}`, age: 18 + i, score: 50 + i * 1.3 }));
  const report = await drive("run", "server", { records });
  expect(report.ok).toBe(true);
  expect(report.result).toEqual(records.map((r) => `${r.id}  ${`S${r.id - 100}`.padEnd(10)}   ${r.age}  ${Math.fround(r.score).toFixed(1)}\n`));
}, { hidden: true });

test("server survives a datagram of the wrong size", async (t) => {
  const report = await drive("run", "server", { records: [lily], junk: [10, 0] });
  t.expectScenario(report);
  expect(report.result).toEqual(["1  Lily         18  1.6\n", "ERROR bad length 10\n", "ERROR bad length 0\n"]);
}, { hidden: true, weight: 2, hint: "Check the length before unpacking; answer ERROR bad length <n>." });
