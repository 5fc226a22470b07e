import { bigint, index, jsonb, pgEnum, pgTable, real, text, uuid } from "drizzle-orm/pg-core";
import type { Answer } from "@/lib/quiz/types";
import { assignments } from "./assignments";
import { quizAttempts } from "./attempts";
import { createdAt } from "./columns";
import { users } from "./users";

/**
 * Corrections after students answered (issue #12). The frozen quiz version
 * (quizzes.questions) is never updated: a regrade is its own row, which
 * grading reads, and a teacher's score for one student is its own row too.
 * Both tables are append-only histories: the latest row per question (per
 * attempt and question for overrides) is what holds, earlier rows say who
 * changed what and when.
 */

/**
 * What a regrade did to a question: `key` (a new key), `accept` (a typed
 * answer accepted besides the key), `full_credit` (everyone who submitted
 * gets the point), `drop` (the question no longer counts), `original` (back
 * to the frozen question).
 */
export const regradeKindEnum = pgEnum("regrade_kind", ["key", "accept", "full_credit", "drop", "original"]);

export const questionRegrades = pgTable(
  "question_regrades",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Orders the history: two rows of one transaction share created_at. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    /** The frozen question's id (quizzes.questions[].id). */
    questionId: text("question_id").notNull(),
    kind: regradeKindEnum("kind").notNull(),
    /** The key grading uses from this row on; null keeps the frozen one. Carried forward by full credit and drop. */
    answer: jsonb("answer").$type<Answer>(),
    /** The explanation students read from this row on; null keeps the frozen one. */
    explanation: text("explanation"),
    teacherId: uuid("teacher_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("question_regrades_assignment_idx").on(t.assignmentId, t.seq),
    index("question_regrades_teacher_idx").on(t.teacherId),
  ],
);

export const scoreOverrides = pgTable(
  "score_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Orders the history: two rows of one transaction share created_at. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => quizAttempts.id, { onDelete: "cascade" }),
    /** The frozen question's id; null for the whole attempt's score. */
    questionId: text("question_id"),
    /** The score the teacher gave (0..1 for a question, 0..max for the attempt); null hands it back to grading. */
    score: real("score"),
    /** Shown to the student with their results. */
    comment: text("comment").notNull().default(""),
    teacherId: uuid("teacher_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("score_overrides_attempt_idx").on(t.attemptId, t.seq),
    index("score_overrides_teacher_idx").on(t.teacherId),
  ],
);

export type QuestionRegrade = typeof questionRegrades.$inferSelect;
export type ScoreOverride = typeof scoreOverrides.$inferSelect;
