// Drives LTI launches through the tool's real routes (fastify.inject) with a simulated platform:
// login initiation, the platform's OIDC endpoint over HTTP, the form_post launch.
import type { FastifyInstance } from "fastify";
import type { LaunchSpec, SimulatedPlatform } from "./simulated-platform.ts";

export interface LoginStart {
  stateCookie: string;
  location: URL;
  state: string;
  nonce: string;
}

interface Response {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

export interface Launcher {
  startLogin(hint: string, method?: "GET" | "POST"): Promise<LoginStart>;
  postLaunch(idToken: string, state: string, cookie: string | undefined): Promise<Response>;
  /** A whole launch: login initiation, the platform's auth endpoint, the form_post. */
  launch(spec: LaunchSpec): Promise<{ res: Response; login: LoginStart; auth: Awaited<ReturnType<SimulatedPlatform["authorize"]>> }>;
}

export function launcher(app: FastifyInstance, sim: SimulatedPlatform, launchUrl: string): Launcher {
  const startLogin = async (hint: string, method: "GET" | "POST" = "GET"): Promise<LoginStart> => {
    const params = sim.loginParams(hint, launchUrl);
    const res =
      method === "GET"
        ? await app.inject({ method: "GET", url: "/lti/login", query: params })
        : await app.inject({ method: "POST", url: "/lti/login", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(params).toString() });
    if (res.statusCode !== 302) throw new Error(`login initiation answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    const location = new URL(res.headers.location as string);
    const setCookie = [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("lti_state_"));
    if (setCookie === undefined) throw new Error("login initiation set no state cookie");
    return { stateCookie: setCookie.split(";")[0]!, location, state: location.searchParams.get("state")!, nonce: location.searchParams.get("nonce")! };
  };
  const postLaunch = (idToken: string, state: string, cookie: string | undefined) =>
    app.inject({
      method: "POST",
      url: "/lti/launch",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      payload: new URLSearchParams({ id_token: idToken, state }).toString(),
    });
  return {
    startLogin,
    postLaunch,
    async launch(spec) {
      const login = await startLogin(sim.prepare(spec));
      const auth = await sim.authorize(login.location.toString());
      if (auth.action !== launchUrl) throw new Error(`the platform posted to ${auth.action}, not ${launchUrl}`);
      const res = await postLaunch(auth.idToken, auth.state, login.stateCookie);
      return { res, login, auth };
    },
  };
}

/** Where a successful launch page sends the browser (its data-target). */
export function targetOf(html: string): string {
  const m = /data-target="([^"]*)"/.exec(html);
  if (!m) throw new Error(`no launch target in ${html.slice(0, 400)}`);
  return m[1]!.replace(/&#(\d+);/g, (_x, n: string) => String.fromCharCode(Number(n)));
}

/** The `sid=...` pair of a response that opened a session. */
export function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const c = [res.headers["set-cookie"]].flat().find((x) => typeof x === "string" && x.startsWith("sid="));
  if (typeof c !== "string") throw new Error("no session cookie");
  return c.split(";")[0]!;
}
