import { drive, expect, test, type ScenarioReport } from "judge";

interface Context {
  input(value: unknown): void;
  expectScenario(report: ScenarioReport): void;
}

interface Response {
  status: string;
  headers: Record<string, string>;
  body: string;
}

function parse(text: string): Response {
  const end = text.indexOf("\r\n\r\n");
  const head = end < 0 ? text : text.slice(0, end);
  const [status = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body: end < 0 ? "" : text.slice(end + 4) };
}

/** UTF-8 length without TextEncoder (the judge's isolate has none). */
const byteLength = (s: string): number => unescape(encodeURIComponent(s)).length;

async function get(t: Context, params: Record<string, unknown>, options: Record<string, unknown> = {}): Promise<Response> {
  t.input(params);
  const report = await drive("run", "request", params, options);
  t.expectScenario(report);
  return parse(String(report.result));
}

const PAGE = "<html><body><h1>Welcome</h1></body></html>";

test("GET / answers the page", async (t) => {
  const r = await get(t, { raw: "GET / HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
  expect(r.headers["content-type"]).toEqual("text/html");
  expect(r.headers["content-length"]).toEqual(String(byteLength(PAGE)));
  expect(r.body).toEqual(PAGE);
}, { hint: "Status line, Content-Type and Content-Length headers, a blank line, then the page." });

test("another path is 404", async (t) => {
  const r = await get(t, { raw: "GET /favicon.ico HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 404 Not Found");
  expect(r.body).toEqual("<h1>Sorry...</h1>");
});

test("HEAD has headers and no body", async (t) => {
  const r = await get(t, { raw: "HEAD / HTTP/1.1\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
  expect(r.headers["content-length"]).toEqual(String(byteLength(PAGE)));
  expect(r.body).toEqual("");
});

test("request head in two pieces", async (t) => {
  const r = await get(t, { raw: "GET / HTTP/1.1\r\nHost: 10.0.0.1\r\nAccept: text/html\r\n\r\n", pieces: 2, gapMs: 20 });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
}, { hint: "Read until the blank line (\\r\\n\\r\\n) that ends the head, however many recv calls it takes." });

test("1-byte segments", async (t) => {
  const r = await get(t, { raw: "GET /nothing-here HTTP/1.1\r\nHost: 10.0.0.1\r\nUser-Agent: test\r\n\r\n" }, { split: "bytes" });
  expect(r.status).toEqual("HTTP/1.1 404 Not Found");
}, { hidden: true, weight: 2, hint: "The head can arrive one byte at a time." });

test("slow browser", async (t) => {
  const r = await get(t, { raw: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", pieces: 4, gapMs: 300 }, { split: "random", seed: 6 });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
}, { hidden: true, weight: 2 });

test("Content-Length counts bytes", async (t) => {
  const page = "<html><body><p>Grüße, 世界 ✓</p></body></html>";
  const r = await get(t, { raw: "GET / HTTP/1.1\r\n\r\n", page });
  expect(r.headers["content-length"]).toEqual(String(byteLength(page)));
  expect(r.body).toEqual(page);
}, { hidden: true, weight: 2, hint: "Content-Length is the body's length in bytes (UTF-8), not in characters." });

test("HEAD of a custom page", async (t) => {
  const r = await get(t, { raw: "HEAD / HTTP/1.0\r\nHost: x\r\n\r\n", page: "<p>tiny</p>" });
  expect(r.headers["content-length"]).toEqual("11");
  expect(r.body).toEqual("");
}, { hidden: true, hint: "HEAD: the same headers as GET, no body." });

test("POST is 405", async (t) => {
  const r = await get(t, { raw: "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 405 Method Not Allowed");
}, { hidden: true, weight: 2 });

test("malformed request line is 400", async (t) => {
  const r = await get(t, { raw: "HELLO\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 400 Bad Request");
  const r2 = await get(t, { raw: "GET /\r\n\r\n" });
  expect(r2.status).toEqual("HTTP/1.1 400 Bad Request");
}, { hidden: true, weight: 2 });

test("a slow browser does not block others", async (t) => {
  const report = await drive("run", "slowAndFast");
  t.expectScenario(report);
  expect(report.result).toEqual(["HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK"]);
}, { hidden: true, weight: 2, hint: "Handle each connection without blocking the accept loop." });
