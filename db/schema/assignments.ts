import { boolean, index, integer, pgEnum, pgTable, uuid } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { classes } from "./classes";
import { createdAt, timestamptz } from "./columns";
import { quizzes } from "./quizzes";

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
    createdAt: createdAt(),
  },
  (t) => [
    index("assignments_class_idx").on(t.classId, t.dueAt),
    index("assignments_quiz_idx").on(t.quizId),
    index("assignments_article_idx").on(t.articleId),
  ],
);

export type AssignmentRow = typeof assignments.$inferSelect;
