// Field-size limits: the API's schemas check them and the web app's inputs state them
// (maxLength) before they are hit. One place for both; no imports, so the web app can load it
// without the schema library (`@autograder/shared/limits`).

/** Students' code is limited to 64 KB (bytes, UTF-8); checked again in bytes by the API. */
export const MAX_CODE_BYTES = 64 * 1024;

/** RFC 5321's longest address. */
export const EMAIL_MAX_LENGTH = 254;
/** New passwords: at least 10 characters; at most 200 (scrypt bounds the cost of long ones). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const PERSON_NAME_MAX_LENGTH = 200;
/** Join codes are 8 characters; case and separators do not matter, so 4 to 32 are accepted. */
export const JOIN_CODE_MIN_LENGTH = 4;
export const JOIN_CODE_MAX_LENGTH = 32;
/** Course and assignment titles. */
export const TITLE_MAX_LENGTH = 200;
/** An API token's name. */
export const TOKEN_NAME_MAX_LENGTH = 100;
/** An exercise id ("sorting/selection-sort"). */
export const EXERCISE_ID_MIN_LENGTH = 3;
export const EXERCISE_ID_MAX_LENGTH = 200;
/** A file's path inside an exercise folder, and one file's content (authoring). */
export const EXERCISE_FILE_PATH_MAX_LENGTH = 200;
export const EXERCISE_FILE_MAX_CHARS = 512 * 1024;
/** A date-time a request may carry (RFC 3339). */
export const DATE_TIME_MAX_LENGTH = 40;
/** The admin's search over accounts' emails and names. */
export const USER_SEARCH_MAX_LENGTH = 200;
