// The mutation score of an authored exercise (issue 12): how many generated mistakes of the
// reference solution its tests catch, and each one they miss, so the author can add a test or
// record the mutant as equivalent in exercise.yaml.
import type { StoredQuality } from "@autograder/shared/contracts";
import { reportQuality } from "../authoring.ts";

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

/** The table for a raw validation report, when it has a mutation score. */
export function QualityOf({ report }: { report: unknown }) {
  const quality = reportQuality(report);
  return quality ? <QualityTable quality={quality} /> : null;
}
