// The contract between the sandbox and a platform module (`threading`, `socket`): a runtime
// that lives inside the student's isolate, next to the student's code, and drivers the judge
// calls to run a scenario of an exercise's workload under it.

/** What a driver returns: plain data, copied from the student isolate to the judge. */
export interface ScenarioReport {
  readonly ok: boolean;
  /** `ok`, or how the scenario failed: a thrown check, every thread blocked, a budget spent. */
  readonly verdict: "ok" | "error" | "deadlock" | "timeout";
  /** For the student: what went wrong, in words. Empty when ok. */
  readonly message: string;
  /** Replays the run exactly (a schedule seed, a network seed). */
  readonly seed?: string;
  /** A short line safe to show for a hidden test (no inputs, no expected values). */
  readonly summary?: string;
  /** Data for the web app's picture of the run. */
  readonly visualization?: { readonly kind: "sorting" | "network" | "schedule"; readonly data: unknown };
  /** Anything else a test may check (explored schedules, bytes sent...). */
  readonly [key: string]: unknown;
}

/**
 * A platform module, as the sandbox loads it into a student isolate:
 * 1. `runtimeScript()` is evaluated first as a classic script (no imports, no host APIs); it
 *    installs the runtime on `globalThis[globalName]`, including
 *    `__drivers: Record<string, (workload, scenario, params, options) => Promise<ScenarioReport>>`
 *    where `workload` is the namespace of the exercise's workload.ts;
 * 2. the student's `import ... from "<name>"` gets a module re-exporting `exports` of that
 *    global, minus the names the exercise hides.
 */
export interface PlatformModule {
  readonly name: string;
  readonly globalName: string;
  readonly exports: readonly string[];
  runtimeScript(): Promise<string>;
  /** Student and workload code is compiled with async/await lowered to generators. */
  readonly lowerAsync: boolean;
  /** `declare module "<name>" { ... }` for the editor and for type-checking. */
  readonly declarations: string;
}
