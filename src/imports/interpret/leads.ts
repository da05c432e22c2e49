/**
 * The people a "Lead"/"Owner"/"Who" cell names: "Leader/ Chief Executive" → two, "CF HP" (initials) → two,
 * "Head of Communications, Engagement and Cultural Services" → one (commas and "and" live inside job titles).
 */
const INITIALS = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z]{2,4}$/;

export function splitLeads(text: string): string[] {
  const people: string[] = [];
  for (const part of text.split(/[/;\n]+/)) {
    const name = part.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    const words = name.split(' ');
    if (words.length > 1 && words.every((w) => INITIALS.test(w))) people.push(...words);
    else people.push(name);
  }
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
