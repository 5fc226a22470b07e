import NextAuth from "next-auth";
import { authOptions } from "@/app/_lib/auth";
import { hashQueueFull } from "@/lib/auth/password";
import { SIGN_IN_ERROR_BUSY } from "@/lib/auth/sign-in-messages";
import { refuseMalformed } from "@/lib/http/malformed";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so a missing production secret is reported
// when the server starts handling sign-ins, and tests can change the environment.
async function handler(req: Request, context: Context) {
  // A body that does not parse would make next-auth throw (a 500).
  const refused = await refuseMalformed(req);
  if (refused) return Response.json({ error: refused.message }, { status: refused.status });
  const { nextauth } = await context.params;
  // A sign-in while every password-hash slot is taken is answered at once with
  // 429, in the shape next-auth's client reads (its error is in `url`).
  if (req.method === "POST" && nextauth.join("/") === "callback/credentials" && hashQueueFull()) {
    const url = new URL(`/sign-in?error=${SIGN_IN_ERROR_BUSY}`, req.url);
    return Response.json({ url: url.toString() }, { status: 429, headers: { "Retry-After": "2" } });
  }
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
