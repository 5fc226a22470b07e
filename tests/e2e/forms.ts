import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Posting a page's form the way a browser without JavaScript does: the
 * hidden fields React renders for progressive enhancement (the action's id
 * and key) plus the fields given. Lets a test send several posts at once, or
 * posts a browser could not make, without scripting a page.
 */
export type FilePart = { name: string; mimeType: string; buffer: Buffer };

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the first form on the page that has a field with this name. */
export async function hiddenFieldsOf(api: APIRequestContext, url: string, fieldName: string) {
  const html = await (await api.get(url)).text();
  for (const form of html.match(/<form\b[\s\S]*?<\/form>/g) ?? []) {
    if (!form.includes(`name="${fieldName}"`)) continue;
    const hidden: Record<string, string> = {};
    for (const input of form.match(/<input\b[^>]*type="hidden"[^>]*>/g) ?? []) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (name) hidden[decode(name)] = decode(/value="([^"]*)"/.exec(input)?.[1] ?? "");
    }
    return hidden;
  }
  throw new Error(`no form with a "${fieldName}" field on ${url}`);
}

export async function postForm(
  api: APIRequestContext,
  url: string,
  hidden: Record<string, string>,
  fields: Record<string, string | FilePart>,
  origin: string,
): Promise<APIResponse> {
  return api.post(url, {
    headers: { Origin: origin },
    multipart: { ...hidden, ...fields },
    maxRedirects: 0,
    timeout: 30_000,
  });
}

/** The page's visible text, roughly: enough to find a message in a no-JavaScript answer. */
export function textOf(html: string): string {
  return decode(
    html
      .replace(/<script\b[\s\S]*?<\/script>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  );
}
