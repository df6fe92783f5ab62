// Checks a form's fields before it is sent, in the same sentences errorMessage() makes of the
// API's schema errors ("The password must be at least 10 characters long.").
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PERSON_NAME_MAX_LENGTH } from "@autograder/shared/limits";

export interface FieldRules {
  /** As the sentence names it: "password", "email address". */
  label: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  email?: boolean;
}

/** What is wrong with `value`, as a sentence; null when nothing is. Lengths count after trimming. */
export function fieldProblem(value: string, rules: FieldRules): string | null {
  const text = rules.email ? value.trim() : value;
  const name = `The ${rules.label}`;
  if (text.trim() === "") return rules.required ? `${name} is missing.` : null;
  if (rules.minLength !== undefined && text.length < rules.minLength) return `${name} must be at least ${rules.minLength} characters long.`;
  if (rules.maxLength !== undefined && text.length > rules.maxLength) return `${name} must be at most ${rules.maxLength} characters long.`;
  if (rules.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return `${name} must be an email address.`;
  return null;
}

/** Each field's problem (fields without one are left out). */
export function formProblems<K extends string>(values: Record<K, string>, rules: Record<K, FieldRules>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of Object.keys(rules) as K[]) {
    const problem = fieldProblem(values[key], rules[key]);
    if (problem !== null) out[key] = problem;
  }
  return out;
}

export const NAME_RULES: FieldRules = { label: "name", required: true, maxLength: PERSON_NAME_MAX_LENGTH };
export const EMAIL_RULES: FieldRules = { label: "email address", required: true, maxLength: EMAIL_MAX_LENGTH, email: true };
export const PASSWORD_RULES: FieldRules = { label: "password", required: true, minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH };
