import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      fontFamily: {
        // System fonts only: next/font/google needs the network at build time.
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
        serif: ["Charter", "Bitstream Charter", "Sitka Text", "Cambria", "Georgia", "serif"],
      },
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          600: "#1f5fbf",
          700: "#184c99",
          800: "#143d7a",
        },
      },
      maxWidth: {
        prose: "68ch",
      },
    },
  },
} satisfies Config;
