import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { Question } from "@/lib/quiz/types";
import { articles } from "./articles";
import { createdAt } from "./columns";
import { users } from "./users";

export const quizKindEnum = pgEnum("quiz_kind", ["standard", "practice", "assignment"]);

/**
 * A quiz version: the questions and answer keys exactly as generated, never
 * updated. Improving the generator later makes new rows; old attempts keep
 * pointing at what they were graded against.
 */
export const quizzes = pgTable(
  "quizzes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: quizKindEnum("kind").notNull().default("standard"),
    generatorVersion: text("generator_version").notNull(),
    seed: integer("seed").notNull(),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("quizzes_article_idx").on(t.articleId), index("quizzes_created_by_idx").on(t.createdBy)],
);

export type QuizRow = typeof quizzes.$inferSelect;
