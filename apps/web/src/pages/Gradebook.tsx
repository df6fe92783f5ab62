// Staff: the gradebook, sortable by any column, filterable by student, downloadable as CSV.
import { useMemo, useState } from "react";
import { getPath } from "../api.ts";
import { ErrorBox, Spinner } from "../components/common.tsx";
import { EMAIL_MAX_LENGTH } from "@autograder/shared/limits";
import { filterRows, formatScore, sortRows, toGradebook, type Gradebook, type SortKey } from "../gradebook.ts";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { Link } from "../router.tsx";
import { LmsPanels } from "./LmsSync.tsx";
import { submissionReviewUrl } from "../review-url.ts";

export function GradebookPage({ courseId }: { courseId: string }) {
  useDocumentTitle("Gradebook");
  const data = useResource(async () => {
    const view = await getPath("/api/courses/{id}/gradebook", { id: courseId });
    return { ...toGradebook(view), view };
  }, [courseId]);
  const cid = encodeURIComponent(courseId);
  return (
    <div className="page">
      <p>
        <Link to={`/courses/${cid}`}>← Course</Link>
      </p>
      <h1>Gradebook</h1>
      {data.loading ? <Spinner label="Loading the gradebook" /> : null}
      {data.error ? <ErrorBox error={data.error} title="Could not load the gradebook" /> : null}
      {data.data ? (
        <GradebookTable
          book={data.data}
          csvHref={`/api/courses/${cid}/gradebook?format=csv`}
          studentHref={(id) => `/courses/${cid}/students/${encodeURIComponent(id)}`}
          reviewHref={(userId, assignmentId, submissionId) => submissionReviewUrl({ courseId, assignmentId, userId, submissionId })}
        />
      ) : null}
      {data.data?.view.lmsLinked ? <LmsPanels courseId={courseId} view={data.data.view} reload={data.reload} /> : null}
    </div>
  );
}

export function GradebookTable({
  book,
  csvHref,
  studentHref,
  reviewHref,
}: {
  book: Gradebook;
  csvHref: string;
  studentHref?: (id: string) => string;
  /** A cell with work in it links to the staff review of that student's work. */
  reviewHref?: (userId: string, assignmentId: string, submissionId: string | null) => string;
}) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "name", dir: 1 });
  const rows = useMemo(() => sortRows(filterRows(book.rows, query), sort.key, sort.dir), [book.rows, query, sort]);
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
        <button type="button" className="sort" onClick={() => setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : key === "name" || key === "email" ? 1 : -1 })}>
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? " ▲" : " ▼") : ""}</span>
        </button>
      </th>
    );
  };
  return (
    <>
      <div className="toolbar">
        <label className="inline">
          Filter students
          <input type="search" maxLength={EMAIL_MAX_LENGTH} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="name or email" />
        </label>
        <a className="button" href={csvHref} download="gradebook.csv">
          Download CSV
        </a>
        <span className="muted" role="status" aria-live="polite">
          {rows.length} of {book.rows.length} students
        </span>
      </div>
      <div className="table-scroll">
        <table className="table gradebook">
          <caption className="sr-only">Grades in points (out of 100 unless the column says otherwise), total in percent: one row per student (select a name for the student's timeline, a score to review the work); select a column header to sort.</caption>
          <thead>
            <tr>
              {header("name", "Student")}
              {header("email", "Email")}
              {book.columns.map((c) => (
                <th key={c.id} scope="col" aria-sort={sort.key === `a:${c.id}` ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
                  <button type="button" className="sort" onClick={() => setSort({ key: `a:${c.id}`, dir: sort.key === `a:${c.id}` ? (sort.dir === 1 ? -1 : 1) : -1 })}>
                    {c.title}
                    {c.points !== 100 ? <span className="muted small"> /{c.points}</span> : null}
                    <span aria-hidden="true">{sort.key === `a:${c.id}` ? (sort.dir === 1 ? " ▲" : " ▼") : ""}</span>
                  </button>
                </th>
              ))}
              {header("total", "Total")}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={book.columns.length + 3} className="muted">
                  No students match.
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {studentHref ? (
                      <Link to={studentHref(r.id)} title={`Timeline of ${r.name}`}>
                        {r.name}
                      </Link>
                    ) : (
                      r.name
                    )}
                  </th>
                  <td>{r.email}</td>
                  {book.columns.map((c) => {
                    const work = r.submissions[c.id];
                    const shown = formatScore(r.points[c.id]);
                    return (
                      <td key={c.id} className="num">
                        {reviewHref && work && work.attempts > 0 ? (
                          <Link to={reviewHref(r.id, c.id, work.counted)} aria-label={`Review the work behind ${shown} on ${c.title}`}>
                            {shown}
                          </Link>
                        ) : (
                          shown
                        )}
                      </td>
                    );
                  })}
                  <td className="num">{formatScore(r.total)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
