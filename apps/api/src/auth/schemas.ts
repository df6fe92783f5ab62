// Schemas of accounts as the API shows them.
import { Type } from "typebox";

export const RoleSchema = Type.Union([Type.Literal("admin"), Type.Literal("instructor"), Type.Literal("student")]);

export const Email = Type.String({ format: "email", maxLength: 254 });
/** Passwords: at least 10 characters (scrypt bounds the cost of long ones). */
export const Password = Type.String({ minLength: 10, maxLength: 200 });
export const PersonName = Type.String({ minLength: 1, maxLength: 200 });

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
