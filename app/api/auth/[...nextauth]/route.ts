import NextAuth from "next-auth";
import { authOptions } from "@/app/_lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so a missing production secret is reported
// when the server starts handling sign-ins, and tests can change the environment.
async function handler(req: Request, context: Context) {
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
