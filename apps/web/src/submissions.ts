// Follows a run or submission until it is graded: Server-Sent Events first, polling if the
// stream breaks.
import type { SubmissionStatus, SubmissionView } from "@autograder/shared";
import { api } from "./api.ts";

export interface Follower {
  stop(): void;
}

const FINAL: SubmissionStatus[] = ["graded", "error"];

export function followSubmission(id: string, onStatus: (status: SubmissionStatus) => void, onDone: (submission: SubmissionView) => void, onError: (error: unknown) => void): Follower {
  let stopped = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const url = `/api/submissions/${encodeURIComponent(id)}`;

  const finish = (s: SubmissionView) => {
    if (stopped) return;
    stopped = true;
    source?.close();
    clearTimeout(timer);
    onDone(s);
  };

  const poll = async (delay: number) => {
    if (stopped) return;
    try {
      const s = await api.get<SubmissionView>(url);
      if (stopped) return;
      if (FINAL.includes(s.status)) return finish(s);
      onStatus(s.status);
    } catch (error) {
      if (!stopped) {
        stopped = true;
        onError(error);
      }
      return;
    }
    timer = setTimeout(() => void poll(Math.min(delay * 1.5, 3000)), delay);
  };

  const open = () => {
    if (stopped) return;
    source = new EventSource(`${url}/events`, { withCredentials: true });
    // The server is shutting down (or too busy): open the stream again after the delay it asks.
    source.addEventListener("reconnect", (e) => {
      source?.close();
      source = null;
      let retryMs = 1000;
      try {
        retryMs = (JSON.parse((e as MessageEvent<string>).data) as { retryMs?: number }).retryMs ?? retryMs;
      } catch {
        // keep the default
      }
      timer = setTimeout(open, retryMs);
    });
    source.addEventListener("status", (e) => {
      try {
        const { status } = JSON.parse((e as MessageEvent<string>).data) as { status: SubmissionStatus };
        if (status === "graded" || status === "error") {
          // The full object follows in `graded`; fetch it if the stream ends first.
          if (status === "error") void poll(0);
        } else onStatus(status);
      } catch {
        // ignore a malformed event; the final one or polling decides
      }
    });
    source.addEventListener("graded", (e) => {
      try {
        finish(JSON.parse((e as MessageEvent<string>).data) as SubmissionView);
      } catch {
        void poll(0);
      }
    });
    source.onerror = () => {
      // Closed by the server after `graded`, or broken: fall back to polling.
      source?.close();
      source = null;
      if (!stopped) void poll(300);
    };
  };
  if (typeof EventSource === "undefined") void poll(500);
  else open();
  return {
    stop() {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    },
  };
}
