import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO, newAccount, signIn, signUp } from "./fixtures";
import { hiddenFieldsOf, postForm, textOf } from "./forms";
import { freePort } from "./ports";
import { serverThatExits, startServer } from "./servers";

/**
 * Issue #14, the attacks that are about HTTP: bounded upload work, redirects
 * that stay on the site, addresses that cannot be forged, sessions that end
 * when signed out, limits a stranger cannot turn against the owner, and
 * malformed requests answered with a 4xx. Each test fails without its fix.
 */

/** 58,000 unclosed <div>s (290 KB, under the size limit): once ten minutes of one process's time. */
const DIV_BOMB = Buffer.from("<div>".repeat(58_000));
/** Within every markup limit, and still about a second of Readability: work the worker threads absorb. */
const SLOW_PAGE = Buffer.from("<div>".repeat(19) + "<span>a</span>".repeat(19_900));

const htmlFile = (name: string, buffer: Buffer) => ({ name, mimeType: "text/html", buffer });

test.describe("uploads: bounded work, off the request thread", () => {
  test("an upload of 58,000 unclosed <div>s is refused in words, and the title typed stays", async ({
    page,
  }) => {
    await signUp(page, newAccount("teacher"));
    await page.goto("/teacher/articles/new");
    await page.getByLabel("Title").fill("A page that nests forever");
    await page.getByLabel(/upload a \.txt or \.html file/).setInputFiles(htmlFile("bomb.html", DIV_BOMB));
    await page.getByRole("button", { name: "Add article" }).click();
    await expect(
      page.getByText(/nested 58,000 levels deep, more than the 128 we can read safely/),
    ).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("A page that nests forever");
  });

  test("health checks are answered while uploads are read; past the queue an upload is told to wait", async ({
    page,
    baseURL,
  }) => {
    await signUp(page, newAccount("teacher"));
    const api = page.request;
    const hidden = await hiddenFieldsOf(api, "/teacher/articles/new", "text");
    const finished: { at: number; busy: boolean }[] = [];
    const uploads = Array.from({ length: 5 }, async (_, i) => {
      const response = await postForm(
        api,
        "/teacher/articles/new",
        hidden,
        {
          title: `Slow ${i}`,
          source: "",
          publishedOn: "",
          text: "",
          file: htmlFile(`slow-${i}.html`, SLOW_PAGE),
        },
        baseURL!,
      );
      expect(response.status()).toBeLessThan(500);
      const busy = textOf(await response.text()).includes("Several articles are being read right now");
      finished.push({ at: performance.now(), busy });
    });
    // Health checks sent while those are being read: every answer must come back
    // before the first upload that was actually read, which takes about a second
    // in a worker. On the request thread, none could be answered before it.
    const health: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await api.get("/api/health");
      expect(response.status()).toBe(200);
      health.push(performance.now());
    }
    await Promise.all(uploads);
    const firstRead = Math.min(...finished.filter((f) => !f.busy).map((f) => f.at));
    expect(Math.max(...health)).toBeLessThan(firstRead);
    // One upload is read at a time per process, with two waiting: the rest are told to try again.
    expect(finished.filter((f) => f.busy).length).toBeGreaterThanOrEqual(1);
    expect(finished.filter((f) => !f.busy).length).toBeGreaterThanOrEqual(1);
  });

  test("an upload between 1 and 2 MB gets a sentence, not a bare 500", async ({ page }) => {
    await signUp(page, newAccount("teacher"));
    await page.goto("/teacher/articles/new");
    const text = "The council met again on Tuesday to discuss the bridge. ".repeat(27_000); // 1.5 MB
    await page.getByLabel(/upload a \.txt or \.html file/).setInputFiles({
      name: "long.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(text),
    });
    await page.getByRole("button", { name: "Add article" }).click();
    await expect(page.getByText(/The article is too long: at most 300,000 characters\./)).toBeVisible();
  });
});

test.describe("the question review of a long article", () => {
  test("a maximum-size article's review comes a page at a time, and a question turned on from a later page joins the quiz", async ({
    page,
  }) => {
    await signUp(page, newAccount("teacher"));
    const shipped = fs.readFileSync(
      path.join("content", "articles", "us-allies-weapons-ukraine-2022-10-12.txt"),
      "utf8",
    );
    const paragraphs = shipped.replace(/^date .*\n/, "").trim();
    const text = Array.from({ length: 58 }, () => paragraphs)
      .join("\n\n")
      .slice(0, 299_000);
    await page.goto("/teacher/articles/new");
    await page.getByLabel("Title").fill("The longest article");
    await page.getByLabel("Article text").fill(text);
    await page.getByRole("button", { name: "Add article" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "The longest article" })).toBeVisible();
    const rest = page.getByRole("region", { name: /Rest of the bank/ });
    await expect(rest.getByText(/Questions 1–25 of \d+ \(page 1 of \d+\)/)).toBeVisible();
    await expect(rest.getByRole("listitem", { name: /^Question \d+$/ })).toHaveCount(25);
    // The whole bank on one page was 8.8 MB of HTML; a page of it is a small part of that.
    const html = await (await page.request.get(page.url())).text();
    expect(html.length).toBeLessThan(1_500_000);

    for (const next of [2, 3]) {
      await rest.getByRole("link", { name: "Next page" }).click();
      await expect(rest.getByText(new RegExp(`\\(page ${next} of \\d+\\)`))).toBeVisible();
    }
    const card = rest.getByRole("listitem", { name: /^Question \d+$/ }).nth(4);
    const prompt = (await card.locator("p.font-medium").first().innerText()).trim();
    await card.getByRole("button", { name: /^Turn on/ }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "The question is in the quiz now." }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: /In the quiz/ }).getByText(prompt)).toBeVisible();
  });
});

test.describe("redirects stay on this site", () => {
  for (const callbackUrl of [
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%5Cevil.example",
    "/\\evil.example",
    "//evil.example",
    "https://evil.example/",
    "/%2F/evil.example",
  ]) {
    test(`sign-in's callbackUrl=${callbackUrl} leads to our own origin`, async ({ page, baseURL }) => {
      await signIn(page, DEMO.student.email, DEMO.student.password);
      await expect(page.getByRole("banner")).toContainText("Signed in as Demo Student");
      // Signed in, the sign-in page sends the visitor straight on to the callback.
      const response = await page.request.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      const target = new URL(response.headers().location!, baseURL);
      expect(target.origin).toBe(new URL(baseURL!).origin);
    });
  }
});

/** Signs in through next-auth's API; returns the error code, or null when signed in. */
async function apiSignIn(
  api: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; error: string | null }> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf", { headers })).json()) as {
    csrfToken: string;
  };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers,
    maxRedirects: 0,
  });
  const url = ((await response.json()) as { url?: string }).url ?? "";
  return { status: response.status(), error: new URL(url, "http://x").searchParams.get("error") };
}

test.describe("sessions", () => {
  test("signing out ends that session on the server: a copied cookie is dead", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, newAccount("student"));
    const copy = await browser.newContext({ storageState: await context.storageState() });
    expect((await copy.request.get("/account", { maxRedirects: 0 })).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    const after = await copy.request.get("/account", { maxRedirects: 0 });
    expect(after.status()).toBe(307);
    expect(after.headers().location).toMatch(/\/sign-in/);
    await context.close();
    await copy.close();
  });

  test("/account lists each session with its address from the socket, and ends one of them", async ({
    browser,
  }) => {
    const account = newAccount("teacher");
    const here = await browser.newContext();
    // A forged header from a client talking to the server directly: it must not become the address.
    const there = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
    const a = await here.newPage();
    const b = await there.newPage();
    await signUp(a, account);
    await signIn(b, account.email, account.password);
    await expect(b.getByRole("banner")).toContainText(`Signed in as ${account.name}`);

    await a.goto("/account");
    const sessions = a.getByRole("list", { name: "Your sessions" }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: "(this browser)" })).toHaveCount(1);
    await expect(a.getByRole("list", { name: "Your sessions" })).not.toContainText("203.0.113.77");
    await expect(sessions.first()).toContainText(/from (127\.0\.0\.1|::1)/);

    await sessions
      .filter({ hasNotText: "(this browser)" })
      .getByRole("button", { name: /^Sign out/ })
      .click();
    await expect(a.getByText("That session has ended")).toBeVisible();
    await expect(sessions).toHaveCount(1);
    expect((await there.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);
    expect((await here.request.get("/account", { maxRedirects: 0 })).status()).toBe(200);
    await here.close();
    await there.close();
  });
});

test.describe("malformed requests answer 4xx, never 500", () => {
  test("broken encodings, bodies that do not parse and cross-site action posts", async ({
    page,
    baseURL,
  }) => {
    await signUp(page, newAccount("student"));
    const api = page.request;
    const action = "a".repeat(42);
    const cases: [string, () => Promise<{ status(): number }>][] = [
      ["a path with broken percent-encoding", () => api.get("/articles/%E0%A4%A", { maxRedirects: 0 })],
      [
        "a multipart post whose body is not multipart",
        () =>
          api.post("/", {
            headers: { Origin: baseURL!, "Content-Type": "multipart/form-data; boundary=xyz" },
            data: "not multipart at all",
            maxRedirects: 0,
          }),
      ],
      [
        "a server action posted from another site, with the victim's cookie",
        () =>
          api.post("/account", {
            headers: { Origin: "http://evil.example", "Next-Action": action, "Content-Type": "text/plain" },
            data: "[]",
            maxRedirects: 0,
          }),
      ],
      [
        "a server action posted with Origin: null",
        () =>
          api.post("/account", {
            headers: { Origin: "null", "Next-Action": action, "Content-Type": "text/plain" },
            data: "[]",
            maxRedirects: 0,
          }),
      ],
      [
        "a sign-in whose JSON body does not parse",
        () =>
          api.post("/api/auth/callback/credentials", {
            headers: { "Content-Type": "application/json" },
            // A Buffer: Playwright would JSON-encode a string body sent as JSON.
            data: Buffer.from('{"email":'),
            maxRedirects: 0,
          }),
      ],
      [
        "an unknown server action",
        () =>
          api.post("/", {
            headers: { Origin: baseURL!, "Next-Action": action, "Content-Type": "text/plain" },
            data: "[]",
            maxRedirects: 0,
          }),
      ],
    ];
    for (const [name, send] of cases) {
      const status = (await send()).status();
      expect(status, name).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
    }
  });
});

test.describe("behind a proxy (TRUSTED_PROXY_HOPS=1): per-address limits", () => {
  test("a stranger's guesses slow the stranger down, not the owner; forged X-Forwarded-For entries change nothing; sign-ups are limited per address; a burst of sign-ins is told to wait", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const server = await startServer(await freePort(), "proxied", {
      PGLITE_DIR: path.join(".data", "e2e", `${process.pid}.proxied`),
      TRUSTED_PROXY_HOPS: "1",
    });
    // As our proxy forwards them: whatever the client wrote, then the address the proxy saw.
    const from = (address: string, forged = "198.18.0.1") => ({ "X-Forwarded-For": `${forged}, ${address}` });
    try {
      const api = await playwrightRequest.newContext({ baseURL: server.baseURL });
      const owner = newAccount("teacher");
      const context = await browser.newContext({
        baseURL: server.baseURL,
        extraHTTPHeaders: from("192.0.2.10"),
      });
      await signUp(await context.newPage(), owner);
      await context.close();

      // Ten wrong guesses from one address, each with a different forged client entry.
      for (let i = 0; i < 10; i++) {
        const r = await apiSignIn(api, owner.email, `guess ${i}`, from("203.0.113.66", `10.9.8.${i}`));
        expect(r.error).toBe("CredentialsSignin");
      }
      // That address is slowed down, whatever it writes on the left...
      expect(
        (await apiSignIn(api, owner.email, owner.password, from("203.0.113.66", "10.0.0.1"))).error,
      ).toMatch(/^throttled:\d+$/);
      // ...and the owner, from their own address, is not locked out.
      expect((await apiSignIn(api, owner.email, owner.password, from("192.0.2.10"))).error).toBeNull();

      // Sign-ups: 60 from one address in a quarter hour, then "try again later"; another address is fine.
      const signUpApi = await playwrightRequest.newContext({
        baseURL: server.baseURL,
        extraHTTPHeaders: from("198.51.100.20"),
      });
      const hidden = await hiddenFieldsOf(signUpApi, "/sign-up", "email");
      const signUpOnce = async (ctx: APIRequestContext) => {
        const a = newAccount("student");
        const response = await postForm(
          ctx,
          "/sign-up",
          hidden,
          { name: a.name, email: a.email, password: a.password, role: "student" },
          server.baseURL,
        );
        expect(response.status()).toBeLessThan(500);
        return textOf(await response.text());
      };
      for (let i = 0; i < 60; i++) expect(await signUpOnce(signUpApi)).not.toContain("Many accounts");
      expect(await signUpOnce(signUpApi)).toContain("Many accounts were just made from your network");
      const elsewhere = await playwrightRequest.newContext({
        baseURL: server.baseURL,
        extraHTTPHeaders: from("198.51.100.21"),
      });
      expect(await signUpOnce(elsewhere)).not.toContain("Many accounts");

      // Forty sign-ins at once: each costs a 128 MiB hash, at most two at a time with eight waiting.
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          apiSignIn(api, `nobody-${i}@example.test`, "not a password", from(`198.51.100.${100 + i}`)),
        ),
      );
      expect(burst.every((r) => r.status < 500)).toBe(true);
      const busy = burst.filter((r) => r.status === 429 || r.error === "busy");
      expect(busy.length).toBeGreaterThan(0);
      expect(busy.every((r) => r.error === "busy")).toBe(true);
      for (const c of [api, signUpApi, elsewhere]) await c.dispose();
    } finally {
      await server.stop();
    }
  });
});

test("a data directory that cannot be written stops the server at start-up, with a sentence", async () => {
  test.setTimeout(90_000);
  const dir = path.join("test-results", "security");
  fs.mkdirSync(dir, { recursive: true });
  // A file where the directory's parent should be: nothing can be created under it, even as root.
  const blocker = path.join(dir, "not-a-directory");
  fs.writeFileSync(blocker, "");
  const result = await serverThatExits(await freePort(), "unwritable", {
    PGLITE_DIR: path.join(blocker, "pglite"),
  });
  expect(result.code).toBe(1);
  expect(result.output).toContain("could not be opened: the directory cannot be written");
  expect(result.output).toContain("PGLITE_DIR");
});
