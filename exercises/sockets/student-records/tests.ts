import { drive, expect, student, test, type ScenarioReport, type TestContext } from "judge";

/** The summary a hidden test shows must not read "ok" if a check after the scenario fails. */
function ran(t: TestContext, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but the answers were wrong") });
}

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
}, { requires: ["R1", "R2"], hint: "44 bytes: int32 id, 32 bytes of name padded with zeros, int32 age, float32 score, all little-endian." });

test("unpacks what it packs", async (t) => {
  const rec: Rec = { id: 42, name: "Zoë", age: 20, score: 95.5 };
  t.input(rec);
  const packed = await student.call<Uint8Array>("packStudent", rec);
  expect(await student.call("unpackStudent", packed)).toEqual(rec);
}, { requires: ["R3"], hint: "The name ends at the first zero byte." });

test("formats like the course's line", async (t) => {
  t.input(lily);
  expect(await student.call("formatLine", { ...lily, score: Math.fround(1.65) })).toEqual("1  Lily         18  1.6\n");
}, { requires: ["R4"], hint: 'Python\'s "%d  %-10s   %d  %.1f\\n": the name padded with spaces to 10 characters.' });

test("the UDP server answers each record with its line", async (t) => {
  const records = [lily, { id: 2, name: "Tom", age: 19, score: 88.24 }];
  t.input(records);
  const report = await drive("run", "server", { records });
  ran(t, report);
  expect(report.result).toEqual(["1  Lily         18  1.6\n", "2  Tom          19  88.2\n"]);
}, { requires: ["R5"] });

test("negative numbers and exact bytes", async () => {
  const rec: Rec = { id: -7, name: "Ann", age: 2147483647, score: -3.75 };
  expect(Array.from(await student.call<Uint8Array>("packStudent", rec))).toEqual(expectedPack(rec, utf8("Ann")));
}, { requires: ["R1"], hidden: true, weight: 2, hint: "Little-endian (the '<' of the format)." });

test("a long name is cut without splitting a character", async () => {
  const rec: Rec = { id: 3, name: "a" + "é".repeat(20), age: 30, score: 7 };
  const packed = await student.call<Uint8Array>("packStudent", rec);
  expect(Array.from(packed)).toEqual(expectedPack(rec, utf8("a" + "é".repeat(15))));
  expect(await student.call("unpackStudent", packed)).toEqual({ ...rec, name: "a" + "é".repeat(15) });
}, { requires: ["R2", "R3"], hidden: true, weight: 2, hint: "é is 2 bytes in UTF-8: keep only whole characters within 32 bytes." });

test("unpack removes the padding", async () => {
  const bytes = Uint8Array.from(expectedPack({ id: 9, name: "Bo", age: 5, score: 0.5 }, utf8("Bo")));
  expect(await student.call("unpackStudent", bytes)).toEqual({ id: 9, name: "Bo", age: 5, score: 0.5 });
}, { requires: ["R3"], hidden: true, weight: 2, hint: "The name ends at the first zero byte; the score is the float32 value." });

test("format pads short names and keeps long ones", async () => {
  expect(await student.call("formatLine", { id: 10, name: "Al", age: 7, score: 99.94 })).toEqual("10  Al           7  99.9\n");
  expect(await student.call("formatLine", { id: 11, name: "Maximilianus", age: 7, score: 0.06 })).toEqual("11  Maximilianus   7  0.1\n");
}, { requires: ["R4"], hidden: true, weight: 2, hint: "%-10s pads a short name with spaces to 10 characters and never cuts a long one; %.1f writes one decimal." });

test("server answers many records", async (t) => {
  const records = Array.from({ length: 6 }, (_, i) => ({ id: 100 + i, name: `S${i}`, age: 18 + i, score: 50 + i * 1.3 }));
  const report = await drive("run", "server", { records });
  ran(t, report);
  expect(report.result).toEqual(records.map((r) => `${r.id}  ${`S${r.id - 100}`.padEnd(10)}   ${r.age}  ${Math.fround(r.score).toFixed(1)}\n`));
}, { requires: ["R5"], hidden: true, hint: "Answer every 44-byte datagram with its formatted line." });

test("server survives a datagram of the wrong size", async (t) => {
  const report = await drive("run", "server", { records: [lily], junk: [10, 0] });
  ran(t, report);
  expect(report.result).toEqual(["1  Lily         18  1.6\n", "ERROR bad length 10\n", "ERROR bad length 0\n"]);
}, { requires: ["R6"], hidden: true, weight: 2, hint: "Check the length before unpacking; answer ERROR bad length <n>." });

// ---------------------------------------------------------------- content review (issue 12)

test("a name of exactly 32 bytes", async (t) => {
  const rec: Rec = { id: 5, name: "abcdefghijklmnopqrstuvwxyz012345", age: 21, score: 12.5 };
  t.input(rec);
  const packed = await student.call<Uint8Array>("packStudent", rec);
  expect(Array.from(packed), "packStudent of a 32-byte name").toEqual(expectedPack(rec, utf8(rec.name)));
  expect(await student.call("unpackStudent", packed), "unpackStudent of a name with no zero byte").toEqual(rec);
}, { requires: ["R2", "R3"], hint: "A name of exactly 32 bytes fills the field with no zero byte at all: it is kept whole, and unpacked whole." });

test("names that fill 32 bytes with 2- and 4-byte characters", async () => {
  for (const name of ["é".repeat(16), "a" + "😀".repeat(8), "😀".repeat(8)]) {
    const rec: Rec = { id: 6, name, age: 22, score: 3.5 };
    const kept = name === "a" + "😀".repeat(8) ? "a" + "😀".repeat(7) : name;
    const packed = await student.call<Uint8Array>("packStudent", rec);
    expect(Array.from(packed), `packStudent of the name ${JSON.stringify(name)}`).toEqual(expectedPack(rec, utf8(kept)));
    expect(await student.call("unpackStudent", packed), `unpackStudent of the name ${JSON.stringify(kept)}`).toEqual({ ...rec, name: kept });
  }
}, { hidden: true, requires: ["R2", "R3"], hint: "Keep the longest prefix of whole characters (an emoji is 4 bytes, one character) that fits in 32 bytes; a name of exactly 32 bytes has no zero byte." });

test("unpack negative numbers", async () => {
  const rec: Rec = { id: -2147483648, name: "Neg", age: -1, score: -0.25 };
  expect(await student.call("unpackStudent", Uint8Array.from(expectedPack(rec, utf8("Neg"))))).toEqual(rec);
}, { hidden: true, requires: ["R3"], hint: "id and age are signed int32 (the i of the format), also when unpacking." });

test("format whole scores and names with an emoji", async (t) => {
  t.input([{ id: 12, name: "Bo", age: 30, score: 7 }, { id: 13, name: "😀ab", age: 9, score: 100 }]);
  expect(await student.call("formatLine", { id: 12, name: "Bo", age: 30, score: 7 })).toEqual("12  Bo           30  7.0\n");
  expect(await student.call("formatLine", { id: 13, name: "😀ab", age: 9, score: 100 })).toEqual("13  😀ab          9  100.0\n");
}, { requires: ["R4"], hint: "%.1f always writes one decimal (7.0); %-10s pads to 10 characters, and an emoji is one character (as Python counts)." });

test("format more whole scores and wide characters", async () => {
  expect(await student.call("formatLine", { id: 0, name: "", age: 0, score: 0 })).toEqual(`0  ${" ".repeat(10)}   0  0.0\n`);
  expect(await student.call("formatLine", { id: 14, name: "𝄞𝄞𝄞", age: 1, score: -2 })).toEqual("14  𝄞𝄞𝄞          1  -2.0\n");
}, { hidden: true, requires: ["R4"], hint: "%.1f always writes one decimal; %-10s pads to 10 characters (code points: a character outside the BMP counts once)." });

test("datagrams of 43, 45 and 88 bytes are errors", async (t) => {
  const report = await drive("run", "server", { records: [lily], junk: [43, 45, 88] });
  ran(t, report);
  expect(report.result).toEqual(["1  Lily         18  1.6\n", "ERROR bad length 43\n", "ERROR bad length 45\n", "ERROR bad length 88\n"]);
}, { hidden: true, requires: ["R6"], hint: "Only a datagram of exactly 44 bytes is a record; any other length, shorter or longer, is answered ERROR bad length <n>." });

test("a long datagram reports its real length", async (t) => {
  const report = await drive("run", "server", { junk: [2000, 65507], records: [] });
  ran(t, report);
  expect(report.result).toEqual(["ERROR bad length 2000\n", "ERROR bad length 65507\n"]);
}, { hidden: true, requires: ["R6"], hint: "<n> is the datagram's length: receive with a buffer big enough for any datagram (65507 bytes), or a long one is cut." });

test("several clients, two on one host", async (t) => {
  const records = [lily, { id: 2, name: "Tom", age: 19, score: 88.24 }, { id: 3, name: "Ann", age: 20, score: 70.04 }, { id: 4, name: "Max", age: 21, score: 60.5 }];
  const report = await drive("run", "clients", { records });
  ran(t, report);
  expect(report.result).toEqual(["1  Lily         18  1.6\n", "2  Tom          19  88.2\n", "3  Ann          20  70.0\n", "4  Max          21  60.5\n"]);
}, { hidden: true, requires: ["R5"], hint: "Answer each datagram to its own sender (host and port): several clients can share a host." });

test("records after minutes without a datagram", async (t) => {
  const report = await drive("run", "clients", { records: [lily], idleMs: 300_000 });
  ran(t, report);
  expect(report.result).toEqual(["1  Lily         18  1.6\n"]);
}, { hidden: true, requires: ["R5"], hint: "Serve for ever: no timeout on the server's socket, however long no datagram comes." });
