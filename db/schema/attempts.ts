import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Response, Skill } from "@/lib/quiz/types";
import { articles } from "./articles";
import { assignments } from "./assignments";
import { timestamptz } from "./columns";
import { quizzes } from "./quizzes";
import { users } from "./users";

export const attemptStatusEnum = pgEnum("attempt_status", ["in_progress", "submitted"]);

export const attemptEndEnum = pgEnum("attempt_end", ["student", "time_limit", "closed"]);

export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    quizId: uuid("quiz_id")
      .notNull()
      .references(() => quizzes.id, { onDelete: "cascade" }),
    // Denormalised from the quiz so progress per article is one indexed aggregate.
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    status: attemptStatusEnum("status").notNull().default("in_progress"),
    /** Per question, the option ids in the order this student sees them. */
    optionOrder: jsonb("option_order").$type<Record<string, string[]>>().notNull(),
    startedAt: timestamptz("started_at").defaultNow().notNull(),
    submittedAt: timestamptz("submitted_at"),
    score: real("score"),
    maxScore: integer("max_score").notNull(),
    /** Set for an attempt at a class assignment; null for studying alone. */
    assignmentId: uuid("assignment_id").references(() => assignments.id, { onDelete: "cascade" }),
    /** Question ids in the order this student sees them; null keeps the quiz's order. */
    questionOrder: jsonb("question_order").$type<string[]>(),
    /** Server-clock end of a timed attempt; past it, nothing more is saved and the attempt is graded. */
    deadlineAt: timestamptz("deadline_at"),
    /** Submitted after the assignment's due date. */
    late: boolean("late").notNull().default(false),
    /** How the attempt ended: the student submitted, the time limit ran out, or the teacher closed the assignment. */
    endedBy: attemptEndEnum("ended_by"),
  },
  (t) => [
    index("quiz_attempts_user_idx").on(t.userId, t.startedAt),
    index("quiz_attempts_quiz_idx").on(t.quizId),
    index("quiz_attempts_article_idx").on(t.articleId),
    // One open attempt per student and article: a double click on "Take the quiz",
    // or two tabs, resume the same attempt instead of making two.
    uniqueIndex("quiz_attempts_one_open_idx")
      .on(t.userId, t.articleId)
      .where(sql`${t.status} = 'in_progress' and ${t.assignmentId} is null`),
    // And one open attempt per student and assignment.
    uniqueIndex("quiz_attempts_one_open_assignment_idx")
      .on(t.userId, t.assignmentId)
      .where(sql`${t.status} = 'in_progress' and ${t.assignmentId} is not null`),
    index("quiz_attempts_assignment_idx").on(t.assignmentId, t.userId),
  ],
);

export const attemptAnswers = pgTable(
  "attempt_answers",
  {
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => quizAttempts.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    skill: text("skill").$type<Skill>().notNull(),
    // Null for a question left unanswered at submission (graded 0, so it counts in mastery).
    response: jsonb("response").$type<Response>(),
    score: real("score"),
    correct: boolean("correct"),
    updatedAt: timestamptz("updated_at").defaultNow().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.questionId] }),
    index("attempt_answers_question_idx").on(t.questionId),
  ],
);

export type Attempt = typeof quizAttempts.$inferSelect;
export type AttemptAnswer = typeof attemptAnswers.$inferSelect;
