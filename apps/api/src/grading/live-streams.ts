// Bookkeeping for Server-Sent Event streams: a cap per user, a server-wide budget for opening
// them (a token bucket checked before authentication, so a flood of opens costs no database
// query and the pool stays free for everyone else), and ending every stream with a
// `reconnect` event when the server shuts down.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "@autograder/shared";

declare module "fastify" {
  interface FastifyInstance {
    liveStreams: LiveStreams;
  }
  interface FastifyContextConfig {
    /** The route opens a Server-Sent Events stream (budgeted, capped, ended on shutdown). */
    liveStream?: boolean;
  }
}

/** How long a client told to reconnect should wait (the next instance is starting). */
export const RECONNECT_AFTER_MS = 2000;

export interface LiveStream {
  /** Writes one event; ignored once the stream ended. */
  send(event: string, data: unknown): void;
  end(): void;
  readonly ended: boolean;
}

export interface LiveStreams {
  /** Starts a stream for `userId` on this reply (hijacked) or throws RATE_LIMITED at the user's cap. */
  open(userId: string, request: FastifyRequest, reply: FastifyReply, onEnd: () => void): LiveStream;
  /** Streams open now. */
  count(): number;
  /** Ends every stream with a `reconnect` event; new streams end the same way at once. */
  closeAll(): void;
}

class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const HEARTBEAT_MS = 15_000;

export const liveStreamsPlugin = fp(
  async (app: FastifyInstance, options: { perUser: number; opensPerSecond: number }) => {
    const streams = new Set<LiveStream>();
    const perUser = new Map<string, number>();
    const budget = new TokenBucket(options.opensPerSecond);
    let closing = false;

    app.addHook("onRequest", async (request, reply) => {
      if (request.routeOptions.config.liveStream !== true || budget.take()) return;
      void reply.header("retry-after", "1");
      throw new AppError("RATE_LIMITED", "Too many live streams are opening at once; try again in a second.");
    });

    const open: LiveStreams["open"] = (userId, request, reply, onEnd) => {
      const held = perUser.get(userId) ?? 0;
      if (held >= options.perUser) {
        void reply.header("retry-after", "5");
        throw new AppError("RATE_LIMITED", `At most ${options.perUser} live streams at once; close another tab first.`);
      }
      perUser.set(userId, held + 1);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" });
      let ended = false;
      const heartbeat = setInterval(() => raw.write(": keep-alive\n\n"), HEARTBEAT_MS);
      const stream: LiveStream = {
        get ended() {
          return ended;
        },
        send(event, data) {
          if (!ended) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        },
        end() {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          streams.delete(stream);
          const left = (perUser.get(userId) ?? 1) - 1;
          if (left > 0) perUser.set(userId, left);
          else perUser.delete(userId);
          onEnd();
          raw.end();
        },
      };
      streams.add(stream);
      request.raw.on("close", () => stream.end());
      if (closing) endForReconnect(stream);
      return stream;
    };

    const endForReconnect = (stream: LiveStream): void => {
      stream.send("reconnect", { retryMs: RECONNECT_AFTER_MS });
      stream.end();
    };

    const closeAll = (): void => {
      closing = true;
      for (const stream of [...streams]) endForReconnect(stream);
    };

    app.decorate("liveStreams", { open, count: () => streams.size, closeAll } satisfies LiveStreams);
    // Before the HTTP server closes: it waits for open connections, and a stream never ends alone.
    app.addHook("preClose", async () => closeAll());
  },
  { name: "autograder-live-streams" },
);
