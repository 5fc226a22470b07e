import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { createdAt, timestamptz, updatedAt } from "./columns";

export const roleEnum = pgEnum("role", ["teacher", "student"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    // Bumped by "sign out everywhere" and by a password change; every session
    // token carries the version it was issued under and dies when they differ.
    sessionVersion: integer("session_version").notNull().default(1),
    /** Set when a teacher reset the password: the next sign-in must choose a new one before anything else. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** The last reset by a teacher, shown to the student on their account page. */
    passwordResetAt: timestamptz("password_reset_at"),
    passwordResetBy: uuid("password_reset_by").references((): AnyPgColumn => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_password_reset_by_idx").on(t.passwordResetBy),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];

/**
 * One row per failed sign-in. Kept in the database (not memory) so throttling
 * holds across several server instances; old rows are pruned as new ones come.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailKey: text("email_key").notNull(),
    clientAddress: text("client_address").notNull(),
    createdAt: timestamptz("created_at").defaultNow().notNull(),
  },
  (t) => [
    index("sign_in_failures_email_idx").on(t.emailKey, t.createdAt),
    index("sign_in_failures_address_idx").on(t.clientAddress, t.createdAt),
  ],
);
