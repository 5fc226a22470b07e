import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./fixtures";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

const REVIEW = "/teacher/articles/us-allies-weapons-ukraine-2022-10-12";

test("a teacher turns a question off, edits one, adds their own, and sees all three", async ({ page }) => {
  await signUp(page, newAccount("teacher"));
  await page.goto(REVIEW);
  await expect(page.getByRole("heading", { level: 2, name: "In the quiz (10)" })).toBeVisible();
  await expect(page.getByText("Assignments already made keep the version they were given.")).toBeVisible();

  const inQuiz = page.getByRole("region", { name: /In the quiz/ });
  const first = inQuiz.getByRole("listitem").first();
  // The prompt, not the confidence box above it (a question that needs a look has one, also in bold).
  const firstPrompt = (await first.locator("p.font-medium.text-stone-900").first().innerText()).trim();
  await first.getByRole("button", { name: /^Turn off/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "The question is off" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "In the quiz (9)" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Rest of the bank/ }).getByText(firstPrompt)).toBeVisible();

  await inQuiz.getByRole("listitem").first().getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit question" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "edit question");
  await page.getByLabel("Question", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText("Write the question.")).toBeVisible();
  await page.getByLabel("Question", { exact: true }).fill("Edited by the teacher: is this right?");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your edit is saved." })).toBeVisible();
  const edited = inQuiz.getByRole("listitem").filter({ hasText: "Edited by the teacher: is this right?" });
  await expect(edited).toContainText("Edited by you");

  await page.getByRole("button", { name: "Write the question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add your own question" })).toBeVisible();
  await page.getByLabel("Question", { exact: true }).fill("Which city is Ukraine's capital?");
  await page.getByLabel("Option 1", { exact: true }).fill("Kyiv");
  await page.getByLabel("Option 2", { exact: true }).fill("Lviv");
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByText("Mark the right answer.")).toBeVisible();
  await expect(page.getByLabel("Option 1", { exact: true })).toHaveValue("Kyiv");
  await page.getByRole("radio", { name: "Right answer (option 1)" }).check();
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your question is added" })).toBeVisible();
  const own = page.getByRole("region", { name: /Your questions/ });
  await expect(own.getByRole("heading", { name: "Your questions (1)" })).toBeVisible();
  await expect(
    own.getByRole("listitem").filter({ hasText: "Which city is Ukraine's capital?" }),
  ).toContainText("Answer: Kyiv");
});

test("a teacher filters the bank, sees why a question needs a look, and rewrites a generated explanation", async ({
  page,
}) => {
  await signUp(page, newAccount("teacher"));
  await page.goto(REVIEW);

  // Warnings first: in each section, every flagged card comes before every unflagged one.
  const flagged = page.getByRole("listitem").filter({ hasText: "check before assigning" });
  await expect(flagged.first()).toContainText("does not name the speaker");
  for (const name of [/In the quiz/, /Rest of the bank/]) {
    const cards = await page
      .getByRole("region", { name })
      .locator("li[aria-label^='Question']")
      .allInnerTexts();
    const marks = cards.map((c) => c.includes("check before assigning"));
    expect(marks.indexOf(false) === -1 || marks.lastIndexOf(true) < marks.indexOf(false)).toBe(true);
  }

  // Filter by kind (works as a plain GET form).
  await page.getByLabel("Kind").selectOption({ label: "Who said it" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/kind=who-said/);
  await expect(page.getByText(/^Showing \d+ of \d+ questions\./)).toBeVisible();
  const headers = await page.locator("li[aria-label^='Question'] > p:first-child").allInnerTexts();
  expect(headers.length).toBeGreaterThan(0);
  for (const h of headers) expect(h.toLowerCase()).toContain("who said it");
  await expectNoSeriousAxeViolations(page, "filtered review");

  // A new key with the generated explanation is refused with a message; a new explanation is saved.
  const card = page
    .getByRole("region", { name: /In the quiz/ })
    .getByRole("listitem")
    .first();
  await card.getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit question" })).toBeVisible();
  const explanation = page.getByLabel("Explanation", { exact: true });
  const generated = await explanation.inputValue();
  expect(generated.length).toBeGreaterThan(0);
  const unchecked = page.getByRole("radio", { name: /^Right answer/ }).and(page.locator(":not(:checked)"));
  await unchecked.first().check();
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(
    page.getByText("You changed the answer, and the generated explanation gives the old one."),
  ).toBeVisible();
  await explanation.fill("The teacher checked the article: this is the right answer.");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your edit is saved." })).toBeVisible();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "The teacher checked the article: this is the right answer." }),
  ).toContainText("Edited by you");
});
