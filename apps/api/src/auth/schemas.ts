// Schemas of accounts as the API shows them.
import { Type } from "typebox";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PERSON_NAME_MAX_LENGTH } from "@autograder/shared";

export const RoleSchema = Type.Union([Type.Literal("admin"), Type.Literal("instructor"), Type.Literal("student")]);

export const Email = Type.String({ format: "email", maxLength: EMAIL_MAX_LENGTH });
/** Passwords: at least 10 characters (scrypt bounds the cost of long ones). */
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
export const PersonName = Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX_LENGTH });

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
});

export const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  via: Type.Union([Type.Literal("session"), Type.Literal("token")]),
});
