import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { articles } from "./articles";
import { classes } from "./classes";
import { createdAt, timestamptz, updatedAt } from "./columns";
import { quizzes } from "./quizzes";
import { users } from "./users";

export const countingEnum = pgEnum("assignment_counting", ["best", "latest"]);
export const revealEnum = pgEnum("assignment_reveal", ["after_submit", "after_due", "after_last_attempt"]);

/**
 * A quiz version set to a class. The quiz row is frozen when the teacher
 * assigns: editing the article's questions afterwards makes a new version for
 * the next assignment and never changes this one.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    quizId: uuid("quiz_id")
      .notNull()
      .references(() => quizzes.id, { onDelete: "restrict" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    dueAt: timestamptz("due_at").notNull(),
    attemptsAllowed: integer("attempts_allowed").notNull().default(1),
    counting: countingEnum("counting").notNull().default("best"),
    reveal: revealEnum("reveal").notNull().default("after_submit"),
    /** Null: no time limit. Enforced on the server clock through quiz_attempts.deadline_at. */
    timeLimitMinutes: integer("time_limit_minutes"),
    shuffle: boolean("shuffle").notNull().default(true),
    /** Once closed, no attempt starts or is submitted; open ones are graded with what was saved. */
    closedAt: timestamptz("closed_at"),
    /** The teacher's name for it; null shows the article's title. */
    title: text("title"),
    /** Off the class's list of assignments (closed when archived), kept in the gradebook, restorable. */
    archivedAt: timestamptz("archived_at"),
    /**
     * Deleted while students had attempts: gone from the gradebook, reports and
     * students' lists; the attempts stay in each student's own history. An
     * assignment nobody started is deleted outright instead.
     */
    deletedAt: timestamptz("deleted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("assignments_class_idx").on(t.classId, t.dueAt),
    index("assignments_quiz_idx").on(t.quizId),
    index("assignments_article_idx").on(t.articleId),
  ],
);

export type AssignmentRow = typeof assignments.$inferSelect;

/**
 * One student's exception to an assignment's settings: their own due date
 * (late is measured against it), a time-limit multiplier for accommodations
 * (×1.5 gives 45 minutes for 30) and extra attempts. Null or 0 keeps the
 * assignment's own setting.
 */
export const assignmentExtensions = pgTable(
  "assignment_extensions",
  {
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dueAt: timestamptz("due_at"),
    timeMultiplier: real("time_multiplier"),
    extraAttempts: integer("extra_attempts").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.studentId] }),
    index("assignment_extensions_student_idx").on(t.studentId),
    check(
      "assignment_extensions_multiplier_range",
      sql`${t.timeMultiplier} is null or (${t.timeMultiplier} >= 1 and ${t.timeMultiplier} <= 4)`,
    ),
    check("assignment_extensions_extra_attempts_range", sql`${t.extraAttempts} between 0 and 10`),
  ],
);

export type AssignmentExtension = typeof assignmentExtensions.$inferSelect;
