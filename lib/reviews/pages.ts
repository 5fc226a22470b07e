/**
 * A long list shown a page at a time. A maximum-size article has over 1,600
 * bank questions (8.8 MB of HTML on one page); the review shows them 25 at a
 * time, and the page that holds a question the teacher just changed.
 */
export const REVIEW_PAGE_SIZE = 25;

export type Paged<T> = { items: T[]; page: number; pages: number; total: number };

export function pageOf<T>(
  items: T[],
  options: { page?: unknown; focus?: (item: T) => boolean; size?: number },
): Paged<T> {
  const size = options.size ?? REVIEW_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(items.length / size));
  const focused = options.focus ? items.findIndex(options.focus) : -1;
  const asked =
    typeof options.page === "string" && /^\d{1,6}$/.test(options.page) ? Number(options.page) : NaN;
  const page =
    focused >= 0 && Number.isNaN(asked)
      ? Math.floor(focused / size) + 1
      : Math.min(pages, Math.max(1, Number.isNaN(asked) ? 1 : asked));
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}
