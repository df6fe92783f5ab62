// "Try your function": call one of the exercise's functions on arguments typed as JSON, with
// no tests and no grade; shows the returned value, the arguments after the call and, for a
// sort, its steps. Families without it (sockets, threading) say so.
import { useEffect, useId, useRef, useState } from "react";
import type { CustomRunResult, ExerciseDetail } from "@autograder/shared";
import { checkCustomArgs, CUSTOM_RUN_FAMILIES, MAX_CUSTOM_ARGS_BYTES } from "@autograder/shared/custom-args";
import { errorMessage } from "../api.ts";
import { followCustomRun, startCustomRun, type CustomRunView } from "../custom-runs.ts";
import { SortingView } from "./SortingView.tsx";

const STATUS_TEXT: Record<CustomRunResult["status"], string> = {
  ok: "Returned",
  threw: "Threw an exception",
  invalid_input: "Arguments refused",
  unsupported: "Not available",
  compile_error: "Does not compile",
  runtime_error: "Runtime error",
  timeout: "Time limit exceeded",
  memory_limit: "Memory limit exceeded",
  output_limit: "Too much output",
  rejected: "Rejected",
  error: "Grader error",
};

const EXAMPLE: Record<string, string> = { sorting: "[[5, 3, 8, 1]]" };

export function CustomRunPanel({ exercise, getCode }: { exercise: ExerciseDetail; getCode(): string }) {
  const id = useId();
  const supported = (CUSTOM_RUN_FAMILIES as readonly string[]).includes(exercise.family);
  const [exportName, setExportName] = useState(exercise.exports[0] ?? "");
  const [args, setArgs] = useState(EXAMPLE[exercise.family] ?? "[]");
  const [inputError, setInputError] = useState<string | null>(null);
  const [state, setState] = useState<{ status: CustomRunView["status"] | "sending"; view?: CustomRunView; error?: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  if (!supported) {
    return (
      <p className="muted" data-testid="custom-run-unsupported">
        Custom input is not available for {exercise.family} exercises: their functions run inside a simulated {exercise.family === "sockets" ? "network" : "scheduler"} that the tests set up. Use Run
        {exercise.family === "threading" ? ', and "Replay this seed" on a failed test to see its interleaving again' : ""}.
      </p>
    );
  }

  const bytes = new TextEncoder().encode(args).length;
  const pending = state !== null && state.status !== "done" && state.status !== "error";
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const checked = checkCustomArgs(args);
    if ("error" in checked) {
      setInputError(checked.error);
      return;
    }
    setInputError(null);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: "sending" });
    try {
      const runId = await startCustomRun(exercise.id, { code: getCode(), exportName, args });
      const view = await followCustomRun(runId, (status) => setState({ status }), controller.signal);
      if (!controller.signal.aborted) setState({ status: view.status, view, ...(view.message ? { error: view.message } : {}) });
    } catch (error) {
      if (!controller.signal.aborted) setState({ status: "error", error: errorMessage(error) });
    }
  };

  const result = state?.view?.result;
  return (
    <div className="custom-run">
      <p className="muted">Call your function on your own input. Nothing is graded, and no test runs.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-fn`}>Function</label>
          <select id={`${id}-fn`} value={exportName} onChange={(e) => setExportName(e.target.value)}>
            {exercise.exports.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-args`}>Arguments (a JSON array, one element per argument)</label>
          <textarea
            id={`${id}-args`}
            className="mono"
            rows={3}
            value={args}
            maxLength={MAX_CUSTOM_ARGS_BYTES}
            spellCheck={false}
            aria-invalid={inputError !== null}
            aria-describedby={`${id}-args-help${inputError ? ` ${id}-args-error` : ""}`}
            onChange={(e) => {
              setArgs(e.target.value);
              setInputError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
          <p className="muted small" id={`${id}-args-help`}>
            [[3, 1, 2]] calls {exportName}([3, 1, 2]). {bytes} of {MAX_CUSTOM_ARGS_BYTES} bytes. Ctrl+Enter runs.
          </p>
          {inputError ? (
            <p className="field-error" id={`${id}-args-error`} role="alert">
              {inputError}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Running…" : "Run with this input"}
        </button>
      </form>
      {state ? (
        <div className="custom-run-result" data-testid="custom-run-result">
          {pending ? (
            <p role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> {state.status === "running" ? "Running your function…" : "Queued: waiting for a grader…"}
            </p>
          ) : null}
          {state.error ? (
            <div className="error-box" role="alert">
              {state.error}
            </div>
          ) : null}
          {result ? <CustomRunOutcome result={result} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function CustomRunOutcome({ result }: { result: CustomRunResult }) {
  const ok = result.status === "ok";
  return (
    <>
      <div className={`status-line ${ok ? "ok" : "bad"}`} role="status" aria-live="polite" aria-atomic="true">
        <strong>{STATUS_TEXT[result.status]}</strong>
        {ok ? null : <> · {result.message}</>}
        <span className="muted"> · {result.durationMs} ms</span>
      </div>
      <dl className="expect">
        {result.value !== undefined ? (
          <>
            <dt>Returned</dt>
            <dd className="mono" data-testid="custom-run-value">
              {result.value}
            </dd>
          </>
        ) : null}
        {result.argsAfter?.map((a, i) => (
          <div key={i}>
            <dt>Argument {i + 1} after the call</dt>
            <dd className="mono" data-testid="custom-run-arg">
              {a}
            </dd>
          </div>
        ))}
        {result.stats ? (
          <>
            <dt>Array accesses</dt>
            <dd>
              {result.stats.reads} reads, {result.stats.writes} writes, {result.stats.swaps} swaps
            </dd>
          </>
        ) : null}
      </dl>
      {result.visualization ? <SortingView data={{ initial: result.visualization.data.initial, operations: result.visualization.data.operations as never }} /> : null}
      {result.stdout ? (
        <>
          <h4>Console output</h4>
          <pre tabIndex={0} className="console mono">{result.stdout}</pre>
        </>
      ) : null}
    </>
  );
}
