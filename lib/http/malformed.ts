/**
 * Requests that cannot mean anything get a 4xx here, before Next.js tries to
 * serve them and answers 500 (an address with broken percent-encoding, a
 * form post whose body is not the multipart it claims, a server-action post
 * from another site, a JSON body that does not parse). Nothing here is an
 * authorization check: it only turns "the server failed" into "your request
 * was wrong", and every page, action and route still checks everything itself.
 */
export type Refusal = { status: 400 | 403; message: string };

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** The path of a URL decodes: "%E0%A4%A" does not, and a dynamic route would throw reading it. */
function malformedPath(url: string): Refusal | null {
  try {
    decodeURIComponent(new URL(url).pathname);
    return null;
  } catch {
    return { status: 400, message: "That address is not valid." };
  }
}

/**
 * A post that a server action would run (a Next-Action header, or a form)
 * must come from our own origin. Next refuses the others too, but by throwing
 * (a 500); browsers always send Origin on such posts, and a missing one is
 * left to Next, which allows it for old browsers.
 */
function crossSiteAction(request: Request): Refusal | null {
  if (request.method !== "POST") return null;
  const action =
    request.headers.has("next-action") || FORM_TYPES.test(request.headers.get("content-type") ?? "");
  const origin = request.headers.get("origin");
  if (!action || origin === null) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost && host && originHost.toLowerCase() === host.toLowerCase()) return null;
  return { status: 403, message: "This form was sent from another site, so it was refused." };
}

/** A body that claims to be multipart or JSON has to parse as that. */
async function malformedBody(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST" && request.method !== "PUT" && request.method !== "PATCH") return null;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (/^multipart\/form-data\b/i.test(type)) await request.clone().formData();
    else if (/^application\/json\b/i.test(type)) {
      const text = await request.clone().text();
      if (text.trim() !== "") JSON.parse(text);
    }
    return null;
  } catch {
    return { status: 400, message: "The request's body could not be read." };
  }
}

export async function refuseMalformed(request: Request): Promise<Refusal | null> {
  return malformedPath(request.url) ?? crossSiteAction(request) ?? (await malformedBody(request));
}
