/**
 * What of the talent's profile 我的政策 sends to the browser (issue 13 §4, lean pages): only the top-level fields its
 * questions can write. The page's inline questions (the next question and each card's missing fields) save a patch
 * built from the current value of that field (field-question.tsx `patchFor`: merge into an object such as
 * `works_count.x`, append to a list); nothing else of the profile is read on the client, so the rest — and the
 * personal data in it — stays on the server. Pure.
 */
export function askedProfileFields(profile: Record<string, unknown>, data: { missingFields: readonly string[]; nextQuestion: string | null; results: readonly { missingFields: readonly string[] }[] }): Record<string, unknown> {
  const asked = new Set<string>();
  for (const f of [...data.missingFields, ...(data.nextQuestion ? [data.nextQuestion] : []), ...data.results.flatMap((r) => r.missingFields)]) asked.add(f.split('.', 1)[0]!);
  return Object.fromEntries(Object.entries(profile).filter(([k]) => asked.has(k)));
}
