// Limits of assignment and extension fields: the API's schemas check them and the web app's
// inputs carry them as maxlength/max, so a limit is stated before it is hit. The web app
// imports this file alone ("@autograder/shared/course-limits"): the package's index would
// bring the API's TypeBox schemas into the bundle.
export const ASSIGNMENT_TITLE_MAX = 200;
export const ASSIGNMENT_POINTS_MAX = 10_000;
export const LATE_PENALTY_PERCENT_MAX = 100;
export const EXTENSION_REASON_MAX = 500;
