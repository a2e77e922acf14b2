// One order for every sorted list privaudit writes: code units, never the machine's locale.

/**
 * Code-unit order of two strings, as `<` compares them: the same on every machine, locale and ICU version
 * (`localeCompare` and `Intl.Collator` follow LANG, so `ä` sorts after `z` in Swedish and before it in English).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
