// The quick-add syntax: "#List name rest of the task" adds "rest of the task"
// to the list "List name"; anything else is a task for the chosen list.
// List names may hold spaces: the longest known name after "#" (ignoring case
// and accents, followed by a space or the end) wins. When no known name
// follows, the first word is the name of a list to create.
import { foldText } from './text-match';

export type QuickAdd =
  | { kind: 'plain'; name: string }
  /** `listName` is one of the known names, as spelled there */
  | { kind: 'known'; listName: string; name: string }
  | { kind: 'new'; listName: string; name: string };

const SPACE = /\s/;

/** The known name written at `at` in `text` (whole words only), the longest one if several. */
function knownNameAt(text: string, at: number, names: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const name of names) {
    if (!name || (best && best.length >= name.length)) continue;
    const end = at + name.length;
    if (end < text.length && !SPACE.test(text[end]!)) continue;
    if (foldText(text.slice(at, end)) === foldText(name)) best = name;
  }
  return best;
}

/** What a quick-add line asks for, given the names of the room's lists (and of lists about to be created). */
export function parseQuickAdd(text: string, names: readonly string[]): QuickAdd {
  const line = text.trim();
  if (!line.startsWith('#') || line.length === 1 || SPACE.test(line[1]!)) return { kind: 'plain', name: line };
  const known = knownNameAt(line, 1, names);
  if (known) return { kind: 'known', listName: known, name: line.slice(1 + known.length).trim() };
  const word = line.slice(1).split(/\s/, 1)[0]!;
  return { kind: 'new', listName: word, name: line.slice(1 + word.length).trim() };
}

/**
 * The list name being typed after "#", to complete: the whole text after it
 * (a name may hold spaces), until a known name followed by a space starts it
 * and no longer name could still be meant; undefined when there is nothing
 * to complete.
 */
export function listNameTyped(text: string, names: readonly string[]): string | undefined {
  const line = text.trimStart();
  if (!line.startsWith('#')) return undefined;
  const typed = line.slice(1);
  const known = knownNameAt(line, 1, names);
  const folded = foldText(typed);
  if (known && line.length > 1 + known.length && !names.some((n) => foldText(n).startsWith(folded))) return undefined;
  return typed;
}

/** Known names that complete `typed`: those starting with it first, then those holding it, each group in the given order. */
export function completeListName(typed: string, names: readonly string[]): string[] {
  const t = foldText(typed.trim());
  const starts = names.filter((n) => foldText(n).startsWith(t));
  return [...starts, ...names.filter((n) => !starts.includes(n) && foldText(n).includes(t))];
}

/** The line with the list name being typed replaced by `name`, ready for the task's name. */
export function withListName(text: string, name: string): string {
  const lead = text.length - text.trimStart().length;
  return `${text.slice(0, lead)}#${name} `;
}

/** Where a quick-add line puts its task: a known list (its id), a list to create (no id), or the fallback list. */
export interface QuickAddTarget {
  listId: string | undefined;
  listName: string;
  taskName: string;
}

/**
 * The target of a quick-add line among the room's lists (and the names taken
 * with "Create list", not yet lists); a plain line goes to `fallback`.
 * "#word" not taken as a new list is part of the task's name.
 */
export function quickAddTarget(
  text: string,
  lists: readonly { id: string; name: string }[],
  toCreate: readonly string[],
  fallback: { id: string | undefined; name: string },
): QuickAddTarget {
  const parsed = parseQuickAdd(text, [...lists.map((l) => l.name), ...toCreate]);
  if (parsed.kind === 'known') {
    const list = lists.find((l) => foldText(l.name) === foldText(parsed.listName));
    return { listId: list?.id, listName: list?.name ?? parsed.listName, taskName: parsed.name };
  }
  return { listId: fallback.id, listName: fallback.name, taskName: text.trim() };
}
