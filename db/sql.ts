import { getTableName, sql, type AnyColumn } from "drizzle-orm";

/**
 * A column written as "table"."column" in any statement. Drizzle leaves a
 * column bare in a one-table select and in an update's set and where, and a
 * bare name inside a correlated subquery is captured by the subquery's own
 * column of that name (e.assignment_id = "assignment_id" compares the row with
 * itself). Correlated subqueries that name the outer row use this.
 */
export const qualified = (column: AnyColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
