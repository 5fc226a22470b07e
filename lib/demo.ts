import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { createUser } from "@/lib/users/accounts";

/** Demo accounts for development and SEED_DEMO=1. Published in the README, so never in production unasked. */
export const DEMO_ACCOUNTS: { name: string; email: string; password: string; role: Role }[] = [
  { name: "Demo Teacher", email: "teacher@example.com", password: "teach-demo-2022", role: "teacher" },
  { name: "Demo Student", email: "student@example.com", password: "learn-demo-2022", role: "student" },
];

export async function seedDemoAccounts(input: { db: Executor }): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const [existing] = await input.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${account.email}`)
      .limit(1);
    if (!existing) await createUser({ db: input.db, ...account });
  }
}
