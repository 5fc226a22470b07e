import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";
import { users } from "./users";

export const classes = pgTable(
  "classes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    joinCode: text("join_code").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("classes_teacher_idx").on(t.teacherId), uniqueIndex("classes_join_code_idx").on(t.joinCode)],
);

export const classMembers = pgTable(
  "class_members",
  {
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamptz("joined_at").defaultNow().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.studentId] }),
    index("class_members_student_idx").on(t.studentId),
  ],
);

/**
 * Students a teacher removed and does not let back in with the join code.
 * Removing a student without blocking lets them rejoin, as before.
 */
export const classBlocks = pgTable(
  "class_blocks",
  {
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.studentId] }),
    index("class_blocks_student_idx").on(t.studentId),
  ],
);

export type ClassRow = typeof classes.$inferSelect;
export type ClassMember = typeof classMembers.$inferSelect;
