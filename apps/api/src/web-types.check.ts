// The web app reads the API's answers through the types in @autograder/shared (web-api.ts);
// the API validates and serializes them with the TypeBox schemas here. This file fails
// `tsc -b` when a schema and the type the web app uses stop being the same shape, so neither
// can drift from the other (nothing to run: it is checked, not executed).
import type { Static } from "typebox";
import type { AssignmentAnalyticsView, AssignmentInfo, CourseInfo, CourseProgressView, GradebookView, InvitationView, JoinedView, MeView, MyInvitationView, RosterItem, TimelineEntry } from "@autograder/shared";
import type { MeSchema } from "./auth/schemas.ts";
import type { AssignmentSchema, CourseSchema, RosterEntrySchema } from "./courses/schemas.ts";
import type { AnalyticsSchema, CourseProgressSchema, GradebookSchema, TimelineSchema } from "./reports/schemas.ts";
import type { InvitationSchema, Joined, MyInvitation } from "./routes/enrolment.ts";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only when T is `true`. */
type Holds<T extends true> = T;

export type WebTypesMatchTheApi = [
  Holds<Same<Static<typeof MeSchema>, MeView>>,
  Holds<Same<Static<typeof CourseSchema>, CourseInfo>>,
  Holds<Same<Static<typeof AssignmentSchema>, AssignmentInfo>>,
  Holds<Same<Static<typeof RosterEntrySchema>, RosterItem>>,
  Holds<Same<Static<typeof CourseProgressSchema>, CourseProgressView>>,
  Holds<Same<Static<typeof GradebookSchema>, GradebookView>>,
  Holds<Same<Static<typeof AnalyticsSchema>, AssignmentAnalyticsView>>,
  Holds<Same<Static<typeof TimelineSchema>, TimelineEntry[]>>,
  Holds<Same<Static<typeof Joined>, JoinedView>>,
  Holds<Same<Static<typeof InvitationSchema>, InvitationView>>,
  Holds<Same<Static<typeof MyInvitation>, MyInvitationView>>,
];
