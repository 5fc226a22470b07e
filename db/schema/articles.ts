import { date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz, updatedAt } from "./columns";
import { users } from "./users";

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    source: text("source"),
    publishedOn: date("published_on", { mode: "string" }),
    // The normalised text the quiz generator reads; paragraphs separated by a blank line.
    body: text("body").notNull(),
    wordCount: integer("word_count").notNull(),
    // Null for the articles the app ships (everyone reads them); a teacher's own
    // articles are read by that teacher and the students of their classes.
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
    /** A teacher's article put away: off the desk and the assign form, still read where it is assigned. */
    archivedAt: timestamptz("archived_at"),
    /**
     * Deleted while someone's work on it existed: gone from every list and
     * page, its assignments deleted too; the attempts stay in students' own
     * history. An article nobody worked on is deleted outright instead.
     */
    deletedAt: timestamptz("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("articles_slug_idx").on(t.slug), index("articles_owner_idx").on(t.ownerId)],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
