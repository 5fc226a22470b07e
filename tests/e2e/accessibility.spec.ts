import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, newAccount, signUp } from "./fixtures";

const ARTICLE = "/articles/us-allies-weapons-ukraine-2022-10-12";

test("the whole quiz can be done by keyboard, and axe finds no serious violation on the main pages", async ({
  page,
}) => {
  await signUp(page, newAccount("student"));
  await page.goto(ARTICLE);
  await expectNoSeriousViolations(page, "article");

  // Keyboard only from here: focus the button and press Enter.
  await page.getByRole("button", { name: "Take the quiz" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/attempts\//);
  await expect(page.locator("fieldset").first()).toBeVisible();
  await expectNoSeriousViolations(page, "quiz");

  const total = await page.locator("fieldset").count();
  for (let i = 0; i < total; i++) {
    const q = page.locator("fieldset").nth(i);
    const first = q.locator("input, select").first();
    await first.focus();
    const type = await first.evaluate((el) =>
      el instanceof HTMLSelectElement ? "select" : (el as HTMLInputElement).type,
    );
    if (type === "radio" || type === "checkbox") await page.keyboard.press("Space");
    else if (type === "text") await page.keyboard.type("Ukraine");
    else {
      for (const select of await q.locator("select").all()) {
        await select.focus();
        await page.keyboard.press("ArrowDown");
      }
    }
  }
  await expect(page.getByText(`${total} of ${total} answered`)).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).focus();
  await page.keyboard.press("Enter");
  const score = page.getByRole("heading", { name: /^Score:/ });
  await expect(score).toBeFocused();
  await expectNoSeriousViolations(page, "results");

  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Score history" })).toBeVisible();
  await expectNoSeriousViolations(page, "progress");
});
