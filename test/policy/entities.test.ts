// Character references decode as the page's own renderer decodes them: a browser in HTML (legacy
// names without `;` too), React/TypeScript in JSX text (`;` required), CommonMark in Markdown (`;` required).
import { describe, expect, it } from 'vitest'
import { extractPolicyText } from '../../src/policy/extract.js'
import { shape } from './helpers.js'

const texts = (path: string, text: string) => extractPolicyText(path, text).map((b) => b.text)

describe('HTML text', () => {
  it('decodes named, legacy and numeric references as a browser does', () => {
    const html = '<p>&Oslash;rsted &frac12; &le; 30 days, &copy 2025 AT&amp;T, R&amp D, caf&#233; caf&#xE9; &#128;</p>'
    expect(texts('p.html', html)).toEqual(['Ørsted ½ ≤ 30 days, © 2025 AT&T, R& D, café café €'])
  })

  it('leaves what is no reference as written', () => {
    expect(texts('p.html', '<p>Q&A, AT&T, &unknown; and &#xZZ;</p>')).toEqual(['Q&A, AT&T, &unknown; and &#xZZ;'])
  })

  it('turns a decoded line break into a space, so the next line is still the next line', () => {
    expect(shape(extractPolicyText('p.html', '<p>a&#10;b&#13;c</p>\n<p>Next</p>'))).toEqual([['p', 'a b c', 1, 1], ['p', 'Next', 2, 2]])
  })

  it('decodes the same in a Svelte template and in an HTML block inside Markdown', () => {
    expect(texts('+page.svelte', '<p>&Oslash;rsted &copy 2025</p>')).toEqual(['Ørsted © 2025'])
    expect(texts('p.md', '<div>\n&Oslash;rsted &copy 2025\n</div>')).toEqual(['Ørsted © 2025'])
  })
})

describe('JSX text', () => {
  it('decodes only references ending in a semicolon, as React does', () => {
    const tsx = 'export default () => <p>&Oslash;rsted &frac12; &le; &copy 2025 &copy; AT&amp;T caf&#233; caf&#xE9;</p>\n'
    expect(texts('page.tsx', tsx)).toEqual(['Ørsted ½ ≤ &copy 2025 © AT&T café café'])
  })

  it('does the same when a syntax error sends the page to the tag scan', () => {
    const broken = 'export default () => (\n  <p>&Oslash;rsted &copy 2025 &copy; {broken</p>\n'
    expect(texts('page.tsx', broken)).toEqual(['Ørsted &copy 2025 ©'])
  })
})

describe('Markdown text', () => {
  it('decodes references ending in a semicolon, as CommonMark does', () => {
    expect(texts('p.md', '&Oslash;rsted &frac12; &le; &copy 2025 &copy; AT&amp;T caf&#233; caf&#xE9;')).toEqual([
      'Ørsted ½ ≤ &copy 2025 © AT&T café café',
    ])
  })

  it('keeps the lines after a decoded line break', () => {
    expect(shape(extractPolicyText('p.md', 'a&#10;b\nc\n\nNext'))).toEqual([['p', 'a b c', 1, 2], ['p', 'Next', 4, 4]])
  })
})
