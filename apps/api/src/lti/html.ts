// The few server-rendered pages of the LTI flow: the auto-submitting form that posts a signed
// message to the platform, the page that opens the app after a launch, and error pages. Each
// carries its own CSP with a per-response script nonce; every interpolated value is escaped.
import { randomBytes } from "node:crypto";
import type { FastifyReply } from "fastify";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(reply: FastifyReply, status: number, title: string, body: string, opts: { formAction?: string; frameAncestors: string }) {
  const nonce = randomBytes(16).toString("base64");
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    `form-action ${opts.formAction ?? "'self'"}`,
    `frame-ancestors ${opts.frameAncestors}`,
    "base-uri 'none'",
  ].join("; ");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button,.button{font:inherit;padding:.4rem .9rem}</style></head>
<body>${body.replaceAll("<script>", `<script nonce="${nonce}">`)}</body></html>`;
  return reply
    .status(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("content-security-policy", csp)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "no-referrer")
    .send(html);
}

/** An error page for a refused launch; `frameAncestors` lets the LMS frame show it. */
export function errorPage(reply: FastifyReply, status: number, title: string, message: string, frameAncestors = "*", link?: { href: string; text: string }) {
  const action = link ? `<p><a class="button" href="${escapeHtml(link.href)}" target="_blank" rel="noopener">${escapeHtml(link.text)}</a></p>` : "";
  return page(reply, status, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${action}`, { frameAncestors });
}

/** A form that POSTs `fields` to `action` as soon as it loads (a button if scripts are off). */
export function autoPostPage(reply: FastifyReply, action: string, fields: Record<string, string>, frameAncestors: string) {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  const body = `<form id="f" method="post" action="${escapeHtml(action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form>
<script>document.getElementById("f").submit();</script>`;
  return page(reply, 200, "Returning to the LMS", body, { formAction: new URL(action).origin, frameAncestors });
}

/**
 * After a launch: checks that the session cookie reached us from this frame (it may be blocked
 * as a third-party cookie), then opens `target`; else offers to open it in a new window through
 * a one-time ticket, where our cookie is first-party.
 */
export function launchedPage(reply: FastifyReply, target: string, ticketUrl: string, frameAncestors: string) {
  const body = `<div id="blocked" hidden><h1>Open the exercise in a new window</h1>
<p>Your browser does not let this tool keep you signed in inside the LMS page (third-party cookies are blocked).</p>
<p><a class="button" id="open" href="${escapeHtml(ticketUrl)}" target="_blank" rel="noopener">Open in a new window</a></p></div>
<p id="wait" data-target="${escapeHtml(target)}">Opening…</p>
<script>
fetch("/api/me", { credentials: "same-origin" }).then(function (r) {
  if (r.ok) { location.replace(${JSON.stringify(target).replace(/</g, "\\u003c")}); return; }
  throw new Error("no session");
}).catch(function () {
  document.getElementById("wait").hidden = true;
  document.getElementById("blocked").hidden = false;
});
</script>`;
  return page(reply, 200, "Opening the exercise", body, { frameAncestors });
}
