// The API's answers as the web app reads them, taken from the types openapi-typescript generates
// from the API's OpenAPI document (generated/openapi.ts, `npm run api:types`), so they are the
// API's contract and not copies of it. Names stay those of @autograder/shared's web-api.ts, which
// the API still uses (see README "API types").
import type * as Shared from "@autograder/shared";
import type { paths } from "./generated/openapi.ts";

/** Paths with a GET operation. */
export type GetPath = { [P in keyof paths]: paths[P] extends { get: { responses: { 200: unknown } } } ? P : never }[keyof paths];
type GetOperation<P extends GetPath> = paths[P] extends { get: infer O } ? O : never;
/** The JSON body of GET `P`'s 200 answer. */
export type GetResponse<P extends GetPath> = GetOperation<P> extends { responses: { 200: { content: { "application/json": infer B } } } } ? B : never;
/** The `{name}` parameters of path `P`. */
export type PathParams<P extends GetPath> = GetOperation<P> extends { parameters: { path: infer A } } ? A : never;

/** GET /api/courses/{id} (and the items of GET /api/courses) */
export type CourseInfo = GetResponse<"/api/courses/{id}">;
/** GET /api/courses/{id}/assignments (items) */
export type AssignmentInfo = GetResponse<"/api/courses/{id}/assignments">[number];
/** GET /api/courses/{id}/gradebook */
export type GradebookView = GetResponse<"/api/courses/{id}/gradebook">;

// Pages not yet moved off @autograder/shared mix both: they must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type GeneratedMatchesShared = [
  Holds<Same<CourseInfo, Shared.CourseInfo>>,
  Holds<Same<CourseInfo[], GetResponse<"/api/courses">>>,
  Holds<Same<AssignmentInfo, Shared.AssignmentInfo>>,
  Holds<Same<GradebookView, Shared.GradebookView>>,
];
