import { timestamp } from "drizzle-orm/pg-core";

/** Every timestamp is timezone-aware and read as a Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz("created_at").defaultNow().notNull();
export const updatedAt = () =>
  timestamptz("updated_at")
    .defaultNow()
    .notNull()
    .$onUpdate(() => new Date());
