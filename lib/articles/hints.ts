/** What the add-article form tells a teacher about files, and what its action answers. Browser-safe. */
const COPY_FROM_PDF =
  "open the PDF, select the article's text, copy it and paste it into the Article text box";

export const ARTICLE_HINTS = {
  pdf: `For a PDF, ${COPY_FROM_PDF}.`,
  pdfRefused: `We cannot read PDF files: ${COPY_FROM_PDF}.`,
} as const;
