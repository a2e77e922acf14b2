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
  /** A table row (or a row rendered from a JS array of objects): where its cells are. */
  row?: TableRow
}

export interface TableRow {
  /** Groups the rows of one table; unique within a document. */
  table: number
  /** A header row: `<th>` cells only, inside `<thead>`, or the Markdown row above `|---|`. */
  header: boolean
  /** Each cell's [start, end) in the block's text, by column: an empty cell is an empty range. */
  cells: Array<[number, number]>
  /**
   * The column that names the entry ("Vendor", "Provider"… or else the first), set by
   * `markNameColumns`: a vendor named in another column ("Hosted on Google Cloud") is not listed.
   */
  nameColumn?: number
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

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false
  return true
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
  /** Characters in `parts`, so cell offsets cost nothing to take. */
  private length = 0
  /** Put between the text so far and the next non-blank text (a table cell, a <dd> after its <dt>). */
  private pendingSeparator = ''
  private row: { table: number; header: boolean; nameColumn?: number } | undefined
  private cells: Array<[number, number]> = []
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

  private push(piece: string): void {
    this.parts.push(piece)
    this.length += piece.length
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
      this.pendingSeparator = ''
      this.startCell()
      this.push(text.slice(i))
      this.startLine = line + lines
      this.currentLine = this.startLine + countNewlines(text, i)
      this.endCell()
      return
    }
    const blank = isBlank(text)
    if (this.pendingSeparator && !blank) {
      this.push(this.pendingSeparator)
      this.pendingSeparator = ''
    }
    if (line > this.currentLine) {
      this.push('\n'.repeat(line - this.currentLine))
      this.currentLine = line
    }
    if (!blank) this.startCell()
    this.push(text)
    this.currentLine += countNewlines(text)
    this.endCell()
  }

  /** The open cell starts at its first text. */
  private startCell(): void {
    const cell = this.cells[this.cells.length - 1]
    if (cell && cell[0] === -1) cell[0] = this.length
  }

  private endCell(): void {
    const cell = this.cells[this.cells.length - 1]
    if (cell && cell[0] !== -1) cell[1] = this.length
  }

  /** A soft separator between inline pieces (an inline tag boundary is not a word break). */
  space(): void {
    if (this.parts.length > 0) this.push(' ')
  }

  /** `separator` goes before the next non-blank text, if the block has text by then. */
  separate(separator: string): void {
    this.pendingSeparator = separator
  }

  /** Marks the open block as a table row (call right after `open`). */
  markRow(table: number, header: boolean, nameColumn?: number): void {
    this.row = nameColumn === undefined ? { table, header } : { table, header, nameColumn }
  }

  /** Starts the next cell of the row: cells are joined by a dash, so a row reads "Stripe — Payments". */
  cell(): void {
    this.cells.push([-1, -1])
    this.separate(' — ')
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
    const row = this.row
    const cells = this.cells
    this.row = undefined
    this.cells = []
    this.pendingSeparator = ''
    if (this.parts.length === 0) return
    const joined = this.parts.join('')
    this.parts = []
    this.length = 0
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
    if (row && !this.heading) {
      // an empty cell sits where the previous one ended
      let at = 0
      const spans = cells.map(([a, b]): [number, number] => {
        if (a === -1) return [Math.min(at, text.length), Math.min(at, text.length)]
        at = Math.min(b, text.length)
        return [Math.min(a, text.length), at]
      })
      block.row = { ...row, cells: spans }
    }
    this.blocks.push(block)
  }

  /**
   * Takes blocks parsed from a piece of the document (an HTML block in Markdown): their lines move
   * down by `lineOffset`, their tables are numbered after the `tables` this document has. Returns
   * the tables it has now.
   */
  adopt(blocks: PolicyBlock[], lineOffset: number, tables: number): number {
    this.close()
    let last = tables
    for (const block of blocks) {
      block.line += lineOffset
      block.endLine += lineOffset
      if (block.row) {
        block.row.table += tables
        last = Math.max(last, block.row.table)
      }
      this.blocks.push(block)
    }
    return last
  }

  finish(): PolicyBlock[] {
    this.close()
    return this.blocks
  }
}

/** Header words of the column that names a table's vendors ("Vendor", "Sub-processor", "Company name"). */
const NAME_HEADER =
  /^(?:the\s+)?(?:(?:sub-?)?processors?|vendors?|(?:service\s+)?providers?|services?|names?|compan(?:y|ies)|third[\s-]part(?:y|ies)|recipients?|partners?|entit(?:y|ies)|organi[sz]ations?|(?:shared\s+with|disclosed\s+to|sent\s+to))(?:\s+name)?$/i

function cellText(block: PolicyBlock, [a, b]: [number, number]): string {
  return block.text.slice(a, b).replace(/[\s*_:]+/g, ' ').trim()
}

/**
 * Decides, per table, which column names the entry: the first header cell that reads like
 * "Vendor"/"Provider"/"Name", else the first column. Rows that already know (JS arrays) keep theirs.
 */
export function markNameColumns(blocks: PolicyBlock[]): PolicyBlock[] {
  const tables = new Map<number, TableRow[]>()
  const blocksOf = new Map<TableRow, PolicyBlock>()
  for (const block of blocks) {
    if (!block.row) continue
    const rows = tables.get(block.row.table) ?? []
    rows.push(block.row)
    tables.set(block.row.table, rows)
    blocksOf.set(block.row, block)
  }
  for (const rows of tables.values()) {
    if (rows.every((r) => r.nameColumn !== undefined)) continue
    const nameColumnOf = (row: TableRow) => row.cells.findIndex((cell) => NAME_HEADER.test(cellText(blocksOf.get(row)!, cell)))
    let nameColumn = -1
    for (const row of rows) {
      if (!row.header) continue
      nameColumn = nameColumnOf(row)
      if (nameColumn !== -1) break
    }
    // a table without <th> or |---| may still start with a header row
    if (nameColumn === -1 && !rows.some((r) => r.header) && rows.length > 1) {
      nameColumn = nameColumnOf(rows[0])
      if (nameColumn !== -1) rows[0].header = true
    }
    for (const row of rows) row.nameColumn ??= Math.max(0, nameColumn)
  }
  return blocks
}
