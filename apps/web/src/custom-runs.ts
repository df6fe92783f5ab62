// Custom runs and replays: queued like runs, followed by polling GET /api/custom-runs/:id
// (they are short; no live stream needed) until done.
import type { CustomRunResult, GradeReport } from "@autograder/shared";
import { api, exercisePath } from "./api.ts";

export interface CustomRunView {
  id: string;
  kind: "call" | "replay";
  status: "queued" | "running" | "done" | "error";
  result?: CustomRunResult;
  report?: GradeReport;
  message?: string;
}

const POLL_MS = 250;
/** Longer than any exercise's limits allow, with a queue in front. */
const GIVE_UP_MS = 5 * 60_000;

/** Polls until the run is done or failed; rejects when `signal` aborts or it takes too long. */
export async function followCustomRun(id: string, onStatus: (status: CustomRunView["status"]) => void, signal: AbortSignal): Promise<CustomRunView> {
  const started = Date.now();
  for (;;) {
    if (signal.aborted) throw new Error("stopped");
    const view = await api.get<CustomRunView>(`/api/custom-runs/${encodeURIComponent(id)}`);
    if (view.status === "done" || view.status === "error") return view;
    onStatus(view.status);
    if (Date.now() - started > GIVE_UP_MS) throw new Error("The run is still waiting for a grader; try again later.");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function startCustomRun(exerciseId: string, body: { code: string; exportName: string; args: string }): Promise<string> {
  return (await api.post<{ id: string }>(`${exercisePath(exerciseId)}/custom-runs`, body)).id;
}

export async function startReplay(exerciseId: string, body: { code: string; test: string; seed: string }): Promise<string> {
  return (await api.post<{ id: string }>(`${exercisePath(exerciseId)}/replays`, body)).id;
}
