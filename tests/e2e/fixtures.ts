import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

let n = 0;
export function newAccount(role: "student" | "teacher" = "student") {
  n++;
  const id = `${Date.now().toString(36)}${n}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: `E2E ${role} ${id}`,
    email: `e2e-${role}-${id}@example.test`,
    password: `pw-${id}-long`,
    role,
  };
}

export const DEMO = {
  teacher: { email: "teacher@example.com", password: "teach-demo-2022" },
  student: { email: "student@example.com", password: "learn-demo-2022" },
};

export async function signUp(page: Page, account: ReturnType<typeof newAccount>) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("radio", { name: account.role === "teacher" ? "Teacher" : "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${account.name}`);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Axe on the page as it stands: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}
