// HTML the reporters emit, read with a real parser (parse5, as browsers parse): elements, attributes, text, and every
// place a document could make a request.
import { parse, type DefaultTreeAdapterMap } from 'parse5'

type Node = DefaultTreeAdapterMap['node']
export type Element = DefaultTreeAdapterMap['element']
type ParentNode = DefaultTreeAdapterMap['parentNode']

export function parseHtml(html: string): DefaultTreeAdapterMap['document'] {
  return parse(html)
}

function isElement(node: Node): node is Element {
  return 'tagName' in node
}

/** Every element in document order; `<template>` contents included. */
export function elements(root: ParentNode): Element[] {
  const out: Element[] = []
  const visit = (node: Node) => {
    if (isElement(node)) {
      out.push(node)
      if (node.tagName === 'template') visit((node as DefaultTreeAdapterMap['template']).content)
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child)
  }
  visit(root as Node)
  return out
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value
}

/** The text of an element and its descendants, whitespace folded. */
export function textOf(root: Node): string {
  let out = ''
  const visit = (node: Node) => {
    if (node.nodeName === '#text') out += (node as DefaultTreeAdapterMap['textNode']).value
    // a line break or a block boundary separates words as a reader sees them
    if (node.nodeName === 'br' || node.nodeName === 'td' || node.nodeName === 'th' || node.nodeName === 'p' || node.nodeName === 'li') out += ' '
    if ('childNodes' in node) for (const child of node.childNodes) visit(child)
  }
  visit(root)
  return out.replace(/\s+/g, ' ').trim()
}

/** Attributes whose value a browser fetches (or may fetch) as a URL, by the HTML standard and legacy elements. */
const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'data', 'poster', 'background', 'action', 'formaction', 'codebase', 'archive', 'classid', 'longdesc', 'usemap', 'icon', 'manifest', 'ping', 'cite', 'xlink:href', 'lowsrc', 'dynsrc', 'profile', 'imagesrcset'])
/** Elements that load or run something by being there, whatever their attributes say. */
const LOADING_ELEMENTS = new Set(['script', 'link', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'portal', 'img', 'video', 'audio', 'source', 'track', 'image', 'use', 'feimage'])

/** A URL that makes no request: an in-document fragment or inline `data:`. */
const inline = (url: string) => /^\s*(?:#|data:)/i.test(url)

/** `url(…)` and `@import` in CSS: what they point at. */
function cssUrls(css: string): string[] {
  const out: string[] = []
  for (const m of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) out.push(m[2])
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'");\s]+)/gi)) out.push(m[1])
  // an escaped `u\72l(` is still url( to a CSS parser: refuse any escape near a paren rather than decode CSS here
  if (/\\[0-9a-f]{1,6}\s?|\\[^\n0-9a-f]/i.test(css) && /\(/.test(css)) out.push('(escaped CSS)')
  return out
}

/**
 * Every way the document could reach outside itself: a loading element, a resource attribute that is not inline, a
 * navigation link that is not http(s), CSS that loads, a meta refresh. Links (`<a href>`) a reader may click are not
 * requests and are allowed when http(s) or a fragment.
 */
export function externalResources(html: string): string[] {
  const problems: string[] = []
  for (const el of elements(parseHtml(html))) {
    if (LOADING_ELEMENTS.has(el.tagName)) problems.push(`<${el.tagName}>`)
    if (el.tagName === 'meta' && /refresh/i.test(attr(el, 'http-equiv') ?? '')) problems.push('<meta http-equiv=refresh>')
    if (el.tagName === 'style') for (const url of cssUrls(textOf(el))) if (!inline(url)) problems.push(`<style> url(${url})`)
    for (const a of el.attrs) {
      const name = a.prefix ? `${a.prefix}:${a.name}` : a.name
      if (name === 'style') for (const url of cssUrls(a.value)) if (!inline(url)) problems.push(`<${el.tagName} style> url(${url})`)
      if (RESOURCE_ATTRIBUTES.has(name) && !inline(a.value)) problems.push(`<${el.tagName} ${name}="${a.value}">`)
      if (name === 'href' && !(el.tagName === 'a' && /^(?:https?:|#)/i.test(a.value))) problems.push(`<${el.tagName} href="${a.value}">`)
      if (name.startsWith('on')) problems.push(`<${el.tagName} ${name}>`)
    }
  }
  return problems
}
