import type { Metadata, Viewport } from "next";
import { getSessionUser } from "@/app/_lib/auth";
import { SiteHeader } from "@/components/site-header";
import { TimeZoneSync } from "@/components/time-zone-sync";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NewsQuiz", template: "%s · NewsQuiz" },
  description: "Read real news, then check you understood who said what.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page reads the session anyway (memoised per request): the header is given it.
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <TimeZoneSync />
        <SiteHeader user={user} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
