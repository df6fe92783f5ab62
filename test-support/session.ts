// Logs a user in through the real API and returns the headers a browser would send.
import type { FastifyInstance } from "fastify";

export interface SessionHeaders {
  cookie: string;
  "x-csrf-token": string;
  [key: string]: string;
}

export async function loginAs(app: FastifyInstance, email: string, password: string): Promise<SessionHeaders> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
  const csrf = await app.inject({ method: "GET", url: "/api/auth/csrf", headers: { cookie } });
  return { cookie, "x-csrf-token": (csrf.json() as { csrfToken: string }).csrfToken };
}
