/** The key a printed reference is matched by: "1.1." and "1.1" are the same item, "A" and "a" too. */
export function refKey(ref: string | null | undefined): string | null {
  if (!ref) return null;
  const key = ref.trim().replace(/[.\s]+$/, '').replace(/\s+/g, ' ').toLowerCase();
  return key === '' ? null : key;
}
