// Field limits of the account and course routes: the API's schemas are built from these and
// the web app's inputs carry them as maxlength/minlength, so a limit is stated before it is hit.
// Plain numbers only (the web app imports this file alone, without the TypeBox schemas).

/** RFC 5321: an address is at most 254 characters. */
export const EMAIL_MAX = 254;
/** Passwords: at least 10 characters; scrypt bounds the cost of long ones. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PERSON_NAME_MAX = 200;
export const COURSE_TITLE_MAX = 200;
/** Join codes are 8 characters; 4 to 32 are accepted (case and separators do not matter). */
export const JOIN_CODE_MIN = 4;
export const JOIN_CODE_MAX = 32;
/** The admin's search over accounts' emails and names. */
export const USER_SEARCH_MAX = 200;
