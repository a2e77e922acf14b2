// Text blocks: the unit every policy format is turned into before sentence splitting.

/**
 * A run of policy text from the source file. `text` keeps the source's line breaks, so the
 * line of any offset is `line` plus the newlines before it.
 */
export interface PolicyBlock {
  text: string
  /** 1-based source line of the first character. */
  line: number
  /** 1-based source line of the last character. */
  endLine: number
  heading: boolean
  /** Heading depth: 1–6 from the markup, 7 for a heading guessed from a short title-like line. */
  level?: number
  /** A list item (bullet, numbered item, table row): never merged with the text around it. */
  item?: boolean
}

/** Level given to headings guessed from layout, so any real heading closes them. */
export const PSEUDO_HEADING_LEVEL = 7

/**
 * BOM, CRLF and lone CR to LF; other line separators and control characters to spaces, one char
 * for one char, so that "line" means the same thing to every extractor and to an editor.
 */
export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  text = text.replace(/\r\n?/g, '\n')
  // U+2028/2029 would count as line breaks for the TS scanner but not for editors
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g, ' ')
}

/** A NUL in the first 8 KB is the usual sign of a binary file (git uses the same test). */
export function looksBinary(raw: string): boolean {
  return raw.slice(0, 8000).includes('\u0000')
}

/** Newlines in text[from, to); scans only that range (indexOf would run to the end of the text). */
export function countNewlines(text: string, from = 0, to = text.length): number {
  let n = 0
  const end = Math.min(to, text.length)
  for (let i = Math.max(0, from); i < end; i++) if (text.charCodeAt(i) === 10) n++
  return n
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 11 || code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * Accumulates text pieces that come with their source line and emits blocks. Pieces on later
 * lines are padded with newlines so block offsets still map to source lines.
 */
export class BlockBuilder {
  readonly blocks: PolicyBlock[] = []
  private parts: string[] = []
  private startLine = 0
  private currentLine = 0
  private heading = false
  private level: number | undefined
  private item = false

  /** Starts a fresh block of the given kind (closing the current one). */
  open(kind: { heading?: boolean; level?: number; item?: boolean } = {}): void {
    this.close()
    this.heading = kind.heading ?? false
    this.level = kind.level
    this.item = kind.item ?? false
  }

  /** Appends `text` whose first character is on source line `line`. */
  append(text: string, line: number): void {
    if (text.length === 0) return
    if (this.parts.length === 0) {
      // leading whitespace moves the block's start line instead of being kept
      let i = 0
      let lines = 0
      while (i < text.length && isSpace(text.charCodeAt(i))) {
        if (text.charCodeAt(i) === 10) lines++
        i++
      }
      if (i === text.length) return
      this.parts.push(text.slice(i))
      this.startLine = line + lines
      this.currentLine = this.startLine + countNewlines(text, i)
      return
    }
    if (line > this.currentLine) {
      this.parts.push('\n'.repeat(line - this.currentLine))
      this.currentLine = line
    }
    this.parts.push(text)
    this.currentLine += countNewlines(text)
  }

  /** A soft separator between inline pieces (an inline tag boundary is not a word break). */
  space(): void {
    if (this.parts.length > 0) this.parts.push(' ')
  }

  /** Re-kinds the open block (a setext underline turns the paragraph above into a heading). */
  retag(kind: { heading?: boolean; level?: number; item?: boolean }): void {
    this.heading = kind.heading ?? false
    this.level = kind.level
    this.item = kind.item ?? false
  }

  /** Source lines the open block spans so far (0 when empty). */
  get openLines(): number {
    return this.parts.length === 0 ? 0 : this.currentLine - this.startLine + 1
  }

  get isEmpty(): boolean {
    return this.parts.length === 0
  }

  close(): void {
    if (this.parts.length === 0) return
    const joined = this.parts.join('')
    this.parts = []
    const text = joined.trimEnd()
    if (text.length === 0) return
    const block: PolicyBlock = {
      text,
      line: this.startLine,
      endLine: this.startLine + countNewlines(text),
      heading: this.heading,
    }
    if (this.heading && this.level !== undefined) block.level = this.level
    if (this.item) block.item = true
    this.blocks.push(block)
  }

  finish(): PolicyBlock[] {
    this.close()
    return this.blocks
  }
}
