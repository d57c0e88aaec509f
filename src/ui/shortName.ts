// A name cut to one line. Its own file: the list headers of a first paint
// use it, and the forms that also do (ListSelect.tsx) load on use.

/** A name cut to fit one line (an option, a status line); the full name shows elsewhere. */
export const shortName = (name: string, max = 80) => (name.length > max ? `${name.slice(0, max)}…` : name);
