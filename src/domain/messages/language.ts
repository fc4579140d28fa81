export type Language = 'vi' | 'en';

/**
 * The language an Accept-Language header prefers among ours (RFC 9110 weights: `vi, en;q=0.8`), or null when it
 * names neither. Ties keep the header's order.
 */
export function preferredLanguage(header: string | undefined | null): Language | null {
  if (!header) return null;
  let best: { lang: Language; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...attrs] = part.trim().toLowerCase().split(';');
    const lang = tag.split('-')[0];
    if (lang !== 'vi' && lang !== 'en' && tag !== '*') continue;
    const q = Number(
      attrs
        .find((a) => a.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    );
    if (!(q > 0)) continue;
    const chosen: Language = lang === 'vi' || lang === 'en' ? lang : 'vi';
    if (!best || q > best.q) best = { lang: chosen, q };
  }
  return best?.lang ?? null;
}
