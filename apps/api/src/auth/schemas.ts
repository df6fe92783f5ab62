// Schemas of accounts as the API shows them.
import { Type } from "typebox";
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, PERSON_NAME_MAX } from "@autograder/shared/limits";

export const RoleSchema = Type.Union([Type.Literal("admin"), Type.Literal("instructor"), Type.Literal("student")]);

export const Email = Type.String({ format: "email", maxLength: EMAIL_MAX });
/** Passwords: at least PASSWORD_MIN characters (scrypt bounds the cost of long ones). */
export const Password = Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX });
export const PersonName = Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX });

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
