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
  ran(t, report);
  return parse(String(report.result));
}

/**
 * Fails the test unless the scenario ran to its end. The checks that follow can still fail: the
 * summary a hidden test shows must then not read "ok".
 */
function ran(t: Context, report: ScenarioReport): void {
  t.expectScenario(report);
  if (typeof report.summary === "string") {
    t.expectScenario({ ...report, summary: report.summary.replace(/: ok\b/, ": ran to its end, but the answer was not the expected one") });
  }
}

const PAGE = "<html><body><h1>Welcome</h1></body></html>";

test("GET / answers the page", async (t) => {
  const r = await get(t, { raw: "GET / HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
  expect(r.headers["content-type"]).toEqual("text/html");
  expect(r.headers["content-length"]).toEqual(String(byteLength(PAGE)));
  expect(r.body).toEqual(PAGE);
}, { requires: ["R5", "R7"], hint: "Status line, Content-Type and Content-Length headers, a blank line, then the page." });

test("another path is 404", async (t) => {
  const r = await get(t, { raw: "GET /favicon.ico HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 404 Not Found");
  expect(r.body).toEqual("<h1>Sorry...</h1>");
}, { requires: ["R6"] });

test("HEAD has headers and no body", async (t) => {
  const r = await get(t, { raw: "HEAD / HTTP/1.1\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
  expect(r.headers["content-length"]).toEqual(String(byteLength(PAGE)));
  expect(r.body).toEqual("");
}, { requires: ["R8"] });

test("request head in two pieces", async (t) => {
  const r = await get(t, { raw: "GET / HTTP/1.1\r\nHost: 10.0.0.1\r\nAccept: text/html\r\n\r\n", pieces: 2, gapMs: 20 });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
}, { requires: ["R2"], hint: "Read until the blank line (\\r\\n\\r\\n) that ends the head, however many recv calls it takes." });

test("1-byte segments", async (t) => {
  const r = await get(t, { raw: "GET /nothing-here HTTP/1.1\r\nHost: 10.0.0.1\r\nUser-Agent: test\r\n\r\n" }, { split: "bytes" });
  expect(r.status).toEqual("HTTP/1.1 404 Not Found");
}, { requires: ["R2", "R6"], hidden: true, weight: 2, hint: "The head can arrive one byte at a time." });

test("slow browser", async (t) => {
  const r = await get(t, { raw: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", pieces: 4, gapMs: 300 }, { split: "random", seed: 6 });
  expect(r.status).toEqual("HTTP/1.1 200 OK");
}, { requires: ["R2"], hidden: true, weight: 2, hint: "The request head can arrive in pieces seconds apart: read until the blank line." });

test("Content-Length counts bytes", async (t) => {
  const page = "<html><body><p>Grüße, 世界 ✓</p></body></html>";
  const r = await get(t, { raw: "GET / HTTP/1.1\r\n\r\n", page });
  expect(r.headers["content-length"]).toEqual(String(byteLength(page)));
  expect(r.body).toEqual(page);
}, { requires: ["R7"], hidden: true, weight: 2, hint: "Content-Length is the body's length in bytes (UTF-8), not in characters." });

test("HEAD of a custom page", async (t) => {
  const r = await get(t, { raw: "HEAD / HTTP/1.0\r\nHost: x\r\n\r\n", page: "<p>tiny</p>" });
  expect(r.headers["content-length"]).toEqual("11");
  expect(r.body).toEqual("");
}, { requires: ["R8"], hidden: true, hint: "HEAD: the same headers as GET, no body." });

test("POST is 405", async (t) => {
  const r = await get(t, { raw: "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 405 Method Not Allowed");
}, { requires: ["R4"], hidden: true, weight: 2, hint: "A method other than GET and HEAD is answered 405 Method Not Allowed." });

test("malformed request line is 400", async (t) => {
  const r = await get(t, { raw: "HELLO\r\n\r\n" });
  expect(r.status).toEqual("HTTP/1.1 400 Bad Request");
  const r2 = await get(t, { raw: "GET /\r\n\r\n" });
  expect(r2.status).toEqual("HTTP/1.1 400 Bad Request");
}, { requires: ["R3"], hidden: true, weight: 2, hint: "A request line that is not METHOD PATH VERSION (three parts, the version starting with HTTP/) is answered 400 Bad Request." });

test("a slow browser does not block others", async (t) => {
  const report = await drive("run", "slowAndFast");
  ran(t, report);
  expect(report.result).toEqual(["HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK"]);
}, { requires: ["R1"], hidden: true, weight: 2, hint: "Handle each connection without blocking the accept loop." });

// ---------------------------------------------------------------- content review (issue 12)

const SORRY = "<h1>Sorry...</h1>";
const BAD = "<h1>Bad Request</h1>";
const NOT_ALLOWED = "<h1>Method Not Allowed</h1>";

function expectResponse(r: Response, status: string, body: string, contentLength: number, label: string): void {
  expect(r.status, `${label}: status line`).toEqual(status);
  expect(r.headers["content-type"], `${label}: Content-Type`).toEqual("text/html");
  expect(r.headers["content-length"], `${label}: Content-Length`).toEqual(String(contentLength));
  expect(r.body, `${label}: body`).toEqual(body);
}

test("405 has an Allow header", async (t) => {
  const r = await get(t, { raw: "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n" });
  expectResponse(r, "HTTP/1.1 405 Method Not Allowed", NOT_ALLOWED, NOT_ALLOWED.length, "POST /");
  expect(r.headers["allow"], "POST /: Allow header").toEqual("GET, HEAD");
}, { requires: ["R4"], hint: "A method other than GET and HEAD: 405 Method Not Allowed, body <h1>Method Not Allowed</h1>, and the header Allow: GET, HEAD." });

test("other methods are 405 with Allow", async (t) => {
  for (const method of ["PUT", "DELETE", "OPTIONS", "get"]) {
    const r = await get(t, { raw: `${method} /missing HTTP/1.1\r\nHost: x\r\n\r\n` });
    expectResponse(r, "HTTP/1.1 405 Method Not Allowed", NOT_ALLOWED, NOT_ALLOWED.length, `${method} /missing`);
    expect(r.headers["allow"], `${method} /missing: Allow header`).toEqual("GET, HEAD");
  }
}, { hidden: true, requires: ["R4"], hint: "Any method other than GET and HEAD (exactly those, in capitals), whatever the path: 405 with the header Allow: GET, HEAD." });

test("HEAD on a missing page", async (t) => {
  const r = await get(t, { raw: "HEAD /missing HTTP/1.1\r\nHost: x\r\n\r\n" });
  expectResponse(r, "HTTP/1.1 404 Not Found", "", SORRY.length, "HEAD /missing");
}, { requires: ["R8", "R6"], hint: "HEAD gets the same status line and headers as GET would (404, Content-Length of the 404 body) and no body." });

test("HEAD on other missing pages", async (t) => {
  for (const path of ["/a", "/index.html", "//"]) {
    const r = await get(t, { raw: `HEAD ${path} HTTP/1.0\r\n\r\n`, page: "<p>x</p>" });
    expectResponse(r, "HTTP/1.1 404 Not Found", "", SORRY.length, `HEAD ${path}`);
  }
}, { hidden: true, requires: ["R8", "R6"], hint: "HEAD gets the same status line and headers as GET would (also a 404) and no body." });

test("a version that does not start with HTTP/", async (t) => {
  const r = await get(t, { raw: "GET / FTP/1.1\r\n\r\n" });
  expectResponse(r, "HTTP/1.1 400 Bad Request", BAD, BAD.length, "GET / FTP/1.1");
}, { requires: ["R3"], hint: "The request line is METHOD PATH VERSION with the version starting with HTTP/; anything else is 400 Bad Request with body <h1>Bad Request</h1>." });

test("request lines of the wrong shape", async (t) => {
  for (const line of ["GET / http/1.1", "GET / 1.1", "GET  / HTTP/1.1", "GET / HTTP/1.1 extra", " GET / HTTP/1.1", "GET /"]) {
    const r = await get(t, { raw: `${line}\r\nHost: x\r\n\r\n` });
    expectResponse(r, "HTTP/1.1 400 Bad Request", BAD, BAD.length, JSON.stringify(line));
  }
}, { hidden: true, requires: ["R3"], hint: "Exactly three parts separated by single spaces, the version starting with HTTP/ (capitals); anything else is 400 Bad Request." });

test("a malformed request line that starts with HEAD", async (t) => {
  for (const line of ["HEAD / FTP/1.0", "HEAD /", "HEAD  / HTTP/1.1"]) {
    const r = await get(t, { raw: `${line}\r\n\r\n` });
    expectResponse(r, "HTTP/1.1 400 Bad Request", BAD, BAD.length, JSON.stringify(line));
  }
}, { hidden: true, requires: ["R3", "R9"], hint: "Check the request line's shape first: a malformed line is a 400 with its body, even when it starts with HEAD." });

test("a browser that leaves before the blank line", async (t) => {
  const report = await drive("run", "sequence", { truncated: "GET / HTTP/1.1\r\nHost: x\r\n", requests: ["GET / HTTP/1.1\r\n\r\n"] });
  t.input({ truncated: "GET / HTTP/1.1\r\nHost: x\r\n (then the browser closes its side)", then: "GET / HTTP/1.1" });
  ran(t, report);
  const [first, second] = report.result as string[];
  expect(first, "what the server sent to the browser that left before the blank line").toEqual("");
  expect(parse(second ?? "").status, "the next browser's status line").toEqual("HTTP/1.1 200 OK");
}, { requires: ["R2"], hint: "If the browser closes before the blank line, send nothing: just close the connection, and go on serving." });

test("serves for ever: requests minutes apart from one host", async (t) => {
  const requests = ["GET / HTTP/1.1\r\n\r\n", "GET /x HTTP/1.1\r\n\r\n", "HEAD / HTTP/1.1\r\n\r\n", "GET / HTTP/1.0\r\n\r\n"];
  const report = await drive("run", "sequence", { requests, idleMs: 120_000 });
  t.input({ requests, idleMs: 120_000 });
  ran(t, report);
  expect((report.result as string[]).map((r) => parse(r).status)).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
}, { requires: ["R1"], hint: "Serve for ever: no timeout on the listening socket, however long no browser comes, and no limit on the number of requests." });

test("several browsers on one host at once", async (t) => {
  const report = await drive("run", "sameHost", { browsers: 4 });
  t.input({ browsers: 4, from: "10.0.0.2" });
  ran(t, report);
  expect(report.result).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found"]);
}, { hidden: true, requires: ["R1"], hint: "Several browsers at once, also from the same host: each connection is read and answered on its own." });

test("a browser that leaves in the middle of the request line", async (t) => {
  const report = await drive("run", "sequence", { truncated: "GET /x HT", requests: ["GET /x HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n\r\n"] }, { split: "bytes" });
  ran(t, report);
  const [first, ...rest] = report.result as string[];
  expect(first, "what the server sent to the browser that left before the blank line").toEqual("");
  expect(rest.map((r) => parse(r).status)).toEqual(["HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK"]);
}, { hidden: true, requires: ["R2"], hint: "If the browser closes before the blank line, send nothing: just close the connection, and go on serving." });

test("serves for ever: three minutes without a browser", async (t) => {
  const report = await drive("run", "sequence", { requests: ["GET /a HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n\r\n"], idleMs: 200_000 });
  ran(t, report);
  expect((report.result as string[]).map((r) => parse(r).status)).toEqual(["HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK"]);
}, { hidden: true, requires: ["R1"], hint: "Serve for ever: no timeout on the listening socket, however long no browser comes." });

test("restart on a busy port", async (t) => {
  const report = await drive("run", "restart");
  ran(t, report);
  expect(parse(String(report.result)).status).toEqual("HTTP/1.1 200 OK");
}, { hidden: true, requires: ["R1"], hint: "An old connection keeps the port in TIME_WAIT: set SO_REUSEADDR before bind." });

test("a request line with an empty method or path", async (t) => {
  for (const line of [" / HTTP/1.1", "GET  HTTP/1.1", "POST  HTTP/1.0"]) {
    const r = await get(t, { raw: `${line}\r\nHost: x\r\n\r\n` });
    expectResponse(r, "HTTP/1.1 400 Bad Request", BAD, BAD.length, JSON.stringify(line));
  }
}, { hidden: true, requires: ["R3"], hint: "Three parts separated by single spaces: a line that starts with a space, or has two spaces in a row, has an empty method or path and is 400 Bad Request." });

test("only a 405 has an Allow header", async (t) => {
  for (const raw of ["GET / HTTP/1.1\r\n\r\n", "GET /favicon.ico HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n", "HEAD /x HTTP/1.1\r\n\r\n", "GET / FTP/1.1\r\n\r\n"]) {
    const r = await get(t, { raw });
    expect(Object.keys(r.headers), `the headers answered to ${JSON.stringify(raw.split("\r\n")[0])}`).toEqual(["content-type", "content-length"]);
  }
}, { hidden: true, requires: ["R7", "R4"], hint: "A 200, 404 or 400 response has exactly the headers Content-Type and Content-Length; Allow: GET, HEAD goes with a 405 only." });

test("a large page is sent whole before closing", async (t) => {
  const page = `<html><body><pre>${"0123456789abcdef\n".repeat(6000)}</pre></body></html>`;
  t.input({ raw: "GET / HTTP/1.1\r\n\r\n", page: `<html><body><pre>0123456789abcdef\\n × 6000</pre></body></html> (${byteLength(page)} bytes)` });
  const report = await drive("run", "request", { raw: "GET / HTTP/1.1\r\n\r\n", page });
  ran(t, report);
  const r = parse(String(report.result));
  expect(r.headers["content-length"], "Content-Length").toEqual(String(byteLength(page)));
  expect(r.body.length, "the length of the body received before the server closed").toEqual(page.length);
  expect(r.body === page, "the body is the whole page").toEqual(true);
}, { hidden: true, requires: ["R5", "R7"], hint: "Wait until the whole response is sent (sendall takes several sends for a large page) before closing the connection." });
