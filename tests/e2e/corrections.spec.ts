import { expect, test, type Page } from "@playwright/test";
import { classWithAssignment, takeAssignment } from "./classroom";
import { expectNoSeriousViolations } from "./fixtures";

/**
 * Fixing mistakes after students answered, and the reports that show them
 * (issue #12): a teacher regrades questions and sets a student's score by
 * hand, and the student sees each change on their results; the item
 * analysis, its CSV and the class's growth, at 390 px too.
 */

/**
 * Nothing of `selector` sticks out sideways at 390 px (a table scrolls inside
 * its own region): the page's width, or that part's, fits the screen.
 */
async function fitsNarrowScreen(page: Page, name: string, selector?: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const widest = await page.evaluate((sel) => {
    if (!sel) return { right: document.documentElement.scrollWidth, what: "page" };
    let right = 0;
    let what = "";
    for (const el of document.querySelectorAll(`${sel}, ${sel} *`)) {
      const r = el.getBoundingClientRect().right;
      if (r > right) [right, what] = [r, `${el.tagName}.${el.className}`];
    }
    return { right, what };
  }, selector);
  expect(widest.right, `${name} at 390 px: ${widest.what}`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a teacher regrades questions and sets a student's score; the gradebook, CSVs and the student's results follow", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { teacher, student, studentAccount, classUrl, reportUrl, teacherContext, studentContext } =
    await classWithAssignment(browser);
  const resultsUrl = await takeAssignment(student);
  const before = await student.getByRole("heading", { name: /^Score:/ }).innerText();
  const max = Number(/\/ (\d+)/.exec(before)![1]);

  // The report: one card per question, with how students answered and the way to regrade.
  await teacher.reload();
  await expect(teacher.getByRole("heading", { name: /^1\./ })).toBeVisible();
  await expect(teacher.getByText(/needs 10 submissions/).first()).toBeVisible();
  await expectNoSeriousViolations(teacher, "assignment report");
  // The item analysis fits (the rest of the report's narrow layout is another change's).
  await fitsNarrowScreen(teacher, "item analysis", "#items-heading ~ ol");

  // Full credit for question 1: the key's inputs are hidden for that choice, without any script.
  await teacher.getByRole("link", { name: "Regrade question 1", exact: true }).click();
  await expect(teacher.getByRole("heading", { name: "Regrade question 1" })).toBeVisible();
  await expectNoSeriousViolations(teacher, "regrade page");
  await fitsNarrowScreen(teacher, "regrade page");
  await expect(teacher.getByRole("group", { name: "The new key" })).toBeVisible();
  await teacher.getByRole("radio", { name: "Give everyone full credit" }).check();
  await expect(teacher.getByRole("group", { name: "The new key" })).toBeHidden();
  await teacher.getByRole("button", { name: "Regrade the question" }).click();
  await expect(teacher.getByText("The question is regraded")).toBeVisible();
  await expect(teacher.getByText(/Question 1\s+was regraded on .*: full credit for everyone/)).toBeVisible();

  // A new key for the first single-choice question: it needs a new explanation.
  let n = 2;
  for (; n <= max; n++) {
    await teacher.goto(`${reportUrl.split(/[?#]/)[0]}/questions/${n}`);
    if ((await teacher.getByRole("group", { name: "The new key" }).getByRole("radio").count()) > 0) break;
  }
  expect(n).toBeLessThanOrEqual(max);
  const keyGroup = teacher.getByRole("group", { name: "The new key" });
  const other = keyGroup.locator("input[type=radio]:not(:checked)").first();
  const newKeyText = (await other.locator("xpath=..").innerText()).trim();
  await other.check();
  await teacher.getByRole("button", { name: "Regrade the question" }).click();
  await expect(teacher.getByText(/The stored explanation gives the old answer's reason/)).toBeVisible();
  // Nothing typed is lost: the chosen key is still chosen.
  await expect(keyGroup.getByRole("radio", { name: newKeyText })).toBeChecked();
  const explanation = `The article credits ${newKeyText} with these words.`;
  await teacher.getByLabel("Explanation students read").fill(explanation);
  await teacher.getByRole("button", { name: "Regrade the question" }).click();
  await expect(teacher.getByText("The question is regraded")).toBeVisible();
  await expect(
    teacher.getByText(new RegExp(`Question ${n}\\s+was regraded on .*: key changed`)),
  ).toBeVisible();

  // The student's results say what changed, with the new key and explanation.
  await student.goto(resultsUrl);
  await expect(student.getByText(/was regraded on .*: full credit for everyone/)).toBeVisible();
  await expect(student.getByText(/was regraded on .*: key changed/)).toBeVisible();
  await expect(student.getByText(explanation)).toBeVisible();
  await expectNoSeriousViolations(student, "results with regrades");

  // A score by hand for the whole attempt and for one question, each with a comment.
  await teacher.goto(reportUrl);
  await teacher.getByRole("link", { name: "Attempt 1" }).click();
  await expect(teacher.getByRole("heading", { name: `${studentAccount.name}, attempt 1` })).toBeVisible();
  await teacher.getByText("Set question 2's score by hand").click();
  const q2 = teacher.locator("#question-2");
  await q2.getByLabel("Score (0 to 1)").fill("2");
  await q2.getByRole("button", { name: "Save score" }).click();
  await expect(q2.getByText("A question's score is from 0 to 1.")).toBeVisible();
  await q2.getByLabel("Score (0 to 1)").fill("0.5");
  await q2.getByLabel("Comment for the student (optional)").fill("Half: the right speaker, another quote.");
  await q2.getByRole("button", { name: "Save score" }).click();
  await expect(teacher.getByText("The score is saved.")).toBeVisible();
  await teacher.getByText("Set the attempt's score by hand").click();
  const whole = teacher.locator("#attempt-score");
  await whole.getByLabel(`Score (0 to ${max})`).fill("3");
  await whole.getByLabel("Comment for the student (optional)").fill("Counted your late work.");
  await whole.getByRole("button", { name: "Save score" }).click();
  await expect(teacher.getByText("The score is saved.")).toBeVisible();
  await expect(teacher.getByRole("heading", { name: "Scores set by hand" })).toBeVisible();
  await expect(teacher.getByText(/question 2 set to 0\.5/)).toBeVisible();
  await expectNoSeriousViolations(teacher, "teacher's attempt page with scores set by hand");

  await student.reload();
  await expect(student.getByRole("heading", { name: new RegExp(`^Score: 3 / ${max}`) })).toBeVisible();
  await expect(student.getByText(`Your teacher set your score to 3 / ${max}`)).toBeVisible();
  await expect(student.getByText("Counted your late work.")).toBeVisible();
  await expect(student.getByText("Half: the right speaker, another quote.")).toBeVisible();

  // The gradebook and the CSVs follow.
  const percent = `${Math.round((3 / max) * 1000) / 10}%`;
  await teacher.goto(`${classUrl}/gradebook`);
  await expect(teacher.getByRole("table")).toContainText(percent);
  const gradebookCsv = await (await teacher.request.get(`${classUrl}/gradebook.csv`)).text();
  const studentLine = gradebookCsv.split(/\r?\n/).find((line) => line.includes(studentAccount.email));
  expect(studentLine, "the student's gradebook CSV row").toContain(`,${percent.slice(0, -1)},`);
  const items = await teacher.request.get(`${reportUrl.split(/[?#]/)[0]}/items.csv`);
  expect(items.status()).toBe(200);
  const itemsCsv = await items.text();
  expect(itemsCsv).toContain("Discrimination (corrected point-biserial)");
  expect(itemsCsv).toContain("full credit for everyone");
  const responses = await (await teacher.request.get(`${reportUrl.split(/[?#]/)[0]}/responses.csv`)).text();
  expect(responses).toContain("Half: the right speaker, another quote.");
  expect(responses).toContain("key changed");

  // Growth: a table the chart summarises, at 390 px too.
  await teacher.goto(classUrl);
  await teacher.getByRole("link", { name: "Growth over time" }).click();
  await expect(teacher.getByRole("heading", { name: "Growth: Period 4" })).toBeVisible();
  await expect(teacher.getByRole("img", { name: /Class average/ })).toBeVisible();
  const row = teacher.getByRole("row", { name: new RegExp(studentAccount.name) });
  await expect(row).toContainText(percent);
  await expectNoSeriousViolations(teacher, "growth");
  await fitsNarrowScreen(teacher, "growth");

  await teacherContext.close();
  await studentContext.close();
});
