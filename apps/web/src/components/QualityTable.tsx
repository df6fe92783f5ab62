// The mutation score of an authored exercise (issue 12): how many generated mistakes of the
// reference solution its tests catch, and each one they miss, so the author can add a test or
// record the mutant as equivalent in exercise.yaml.
import { useEffect, useState } from "react";
import type { StoredQuality } from "@autograder/shared/contracts";
import { api, exercisePath } from "../api.ts";
import { reportQuality, type ValidationResult } from "../authoring.ts";

const POLL_MS = 2000;
/** The page stops following after this long (the score still joins the report; a reload shows it). */
const FOLLOW_MS = 10 * 60_000;

const percent = (score: number): string => `${Math.round(score * 1000) / 10}%`;

export function QualityTable({ quality }: { quality: StoredQuality }) {
  const sampled = quality.mutants < quality.generated;
  return (
    <section className="quality" aria-labelledby="quality-title">
      <h3 id="quality-title">How well the tests catch mistakes</h3>
      {quality.error ? (
        <p className="bad">{quality.error}</p>
      ) : (
        <>
          <table className="table" aria-label="Mutation score">
            <thead>
              <tr>
                <th scope="col">requirements covered</th>
                <th scope="col">mutants</th>
                <th scope="col">killed</th>
                <th scope="col">equivalent</th>
                <th scope="col">survived</th>
                <th scope="col">score</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{quality.requirements.total === 0 ? "none listed" : `${quality.requirements.covered}/${quality.requirements.total}`}</td>
                <td>{sampled ? `${quality.mutants} of ${quality.generated}` : quality.mutants}</td>
                <td>{quality.killed}</td>
                <td>{quality.equivalent}</td>
                <td>{quality.survived}</td>
                <td className={quality.score >= 0.9 ? "ok" : "bad"} data-testid="quality-score">
                  {percent(quality.score)}
                </td>
              </tr>
            </tbody>
          </table>
          <p className="muted small">
            Mutants are small changes to solution.ts (Stryker's mutators, plus dropped awaits, wake-one, loop-once and byte-order
            changes); a test suite should fail on at least 90% of them.{" "}
            {sampled ? `${quality.mutants} spread evenly over the ${quality.generated} generated were graded; npm run exercises:quality grades them all.` : null}
          </p>
          {quality.survivors.length > 0 ? (
            <>
              <h4>Mistakes no test caught</h4>
              <p className="muted small">Add a test that fails on each, or list its id under equivalentMutants in exercise.yaml with the reason nothing can observe it.</p>
              <ul className="survivors" aria-label="Surviving mutants">
                {quality.survivors.map((s) => (
                  <li key={s.id}>
                    <code>{s.id}</code>
                    <pre tabIndex={0} aria-label={`line ${s.line}, before and after`}>
                      {`- ${s.original.trim()}\n+ ${s.mutated.trim()}`}
                    </pre>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

const measuring = (report: unknown): boolean => typeof report === "object" && report !== null && (report as { qualityMeasuring?: unknown }).qualityMeasuring === true;

/**
 * The mutation score of a validation report. The grader stores the verdict first and measures
 * the score after; while it does, this says so and follows the exercise's validation state.
 */
export function QualityOf({ exerciseId, report }: { exerciseId: string; report: unknown }) {
  const [latest, setLatest] = useState(report);
  useEffect(() => setLatest(report), [report]);
  const quality = reportQuality(latest);
  const waiting = quality === null && measuring(latest);
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    const end = Date.now() + FOLLOW_MS;
    const timer = setInterval(() => {
      if (Date.now() > end) return clearInterval(timer);
      api
        .get<ValidationResult>(`${exercisePath(exerciseId)}/validation`)
        .then((r) => {
          if (live && !measuring(r.report)) setLatest(r.report);
        })
        .catch(() => {}); // a missed poll is retried by the next one
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [waiting, exerciseId]);
  if (quality) return <QualityTable quality={quality} />;
  if (waiting) {
    return (
      <p className="muted" role="status" data-testid="quality-measuring">
        Measuring how well the tests catch mistakes: the grader grades generated wrong versions of solution.ts…
      </p>
    );
  }
  return null;
}
