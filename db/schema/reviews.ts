import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { Question } from "@/lib/quiz/types";
import { articles } from "./articles";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

/**
 * A teacher's review of an article's question bank: one row per question the
 * teacher touched. A generated question with no row keeps the generator's
 * default (on when it is in the default quiz). `question` holds the edited
 * text for a generated question, or the whole question for one the teacher
 * wrote (`custom`). Assigning freezes the reviewed set into a quiz version,
 * so later edits never reach work already done.
 */
export const questionReviews = pgTable(
  "question_reviews",
  {
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    included: boolean("included").notNull(),
    question: jsonb("question").$type<Question>(),
    custom: boolean("custom").notNull().default(false),
    /** Orders the teacher's own questions after the generated ones. */
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teacherId, t.articleId, t.questionId] }),
    index("question_reviews_article_idx").on(t.articleId),
  ],
);

export type QuestionReview = typeof questionReviews.$inferSelect;
