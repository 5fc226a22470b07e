import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
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

/**
 * One row per signed-in browser. The session token carries the row's id and
 * every session check reads it, so signing out (this browser), ending one
 * session from /account, "sign out everywhere" and a password change each end
 * exactly the sessions they name, at once: a copied cookie dies with its row.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    /** Refreshed at most every few minutes, so a session check is not a write per request. */
    lastSeenAt: timestamptz("last_seen_at").defaultNow().notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    /** What the person sees in their list of sessions: the browser as it named itself, and from where. */
    userAgent: text("user_agent").notNull().default(""),
    clientAddress: text("client_address").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.lastSeenAt)],
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * One row per counted event of a rate limit (a sign-up, a failed join, a
 * class created), in the database so every server instance counts the same
 * events. `bucket` names the limit, `key` whom it is counted against (an
 * address, an account, or "all").
 */
export const rateLimitEvents = pgTable(
  "rate_limit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    createdAt: timestamptz("created_at").defaultNow().notNull(),
  },
  (t) => [
    index("rate_limit_events_key_idx").on(t.bucket, t.key, t.createdAt),
    index("rate_limit_events_created_idx").on(t.createdAt),
  ],
);
