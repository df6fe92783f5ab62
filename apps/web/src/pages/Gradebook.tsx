// Staff: the gradebook, sortable by any column, filterable by student, downloadable as CSV.
import { useMemo, useState } from "react";
import { api } from "../api.ts";
import { ErrorBox, Spinner } from "../components/common.tsx";
import type { GradebookView } from "@autograder/shared";
import { EMAIL_MAX_LENGTH } from "@autograder/shared/limits";
import { filterRows, formatScore, sortRows, toGradebook, type Gradebook, type SortKey } from "../gradebook.ts";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { Link } from "../router.tsx";

export function GradebookPage({ courseId }: { courseId: string }) {
  useDocumentTitle("Gradebook");
  const data = useResource(async () => toGradebook(await api.get<GradebookView>(`/api/courses/${encodeURIComponent(courseId)}/gradebook`)), [courseId]);
  const cid = encodeURIComponent(courseId);
  return (
    <div className="page">
      <p>
        <Link to={`/courses/${cid}`}>← Course</Link>
      </p>
      <h1>Gradebook</h1>
      {data.loading ? <Spinner label="Loading the gradebook" /> : null}
      {data.error ? <ErrorBox error={data.error} title="Could not load the gradebook" /> : null}
      {data.data ? <GradebookTable book={data.data} csvHref={`/api/courses/${cid}/gradebook?format=csv`} studentHref={(id) => `/courses/${cid}/students/${encodeURIComponent(id)}`} /> : null}
    </div>
  );
}

export function GradebookTable({ book, csvHref, studentHref }: { book: Gradebook; csvHref: string; studentHref?: (id: string) => string }) {
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
          <caption className="sr-only">Grades in percent: one row per student (select a name for the student's timeline); select a column header to sort.</caption>
          <thead>
            <tr>
              {header("name", "Student")}
              {header("email", "Email")}
              {book.columns.map((c) => (
                <th key={c.id} scope="col" aria-sort={sort.key === `a:${c.id}` ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
                  <button type="button" className="sort" onClick={() => setSort({ key: `a:${c.id}`, dir: sort.key === `a:${c.id}` ? (sort.dir === 1 ? -1 : 1) : -1 })}>
                    {c.title}
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
                  {book.columns.map((c) => (
                    <td key={c.id} className="num">
                      {formatScore(r.scores[c.id])}
                    </td>
                  ))}
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
