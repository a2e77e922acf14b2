import { describe, expect, it } from 'vitest'
import { extractPolicyText } from '../../src/policy/extract.js'
import { sentenceRanges, splitSentences } from '../../src/policy/sentences.js'
import { fixture } from './helpers.js'

const split = (text: string) => sentenceRanges(text).map(([a, b]) => text.slice(a, b))

describe('sentence boundaries', () => {
  it.each<[string, string[]]>([
    ['We use Fly.io and posthog.com. Version 2.5 is out.', ['We use Fly.io and posthog.com.', 'Version 2.5 is out.']],
    ['Providers (e.g., Anthropic, OpenAI) and i.e. others. Next one.', ['Providers (e.g., Anthropic, OpenAI) and i.e. others.', 'Next one.']],
    ['Send it to the provider (e.g. Anthropic) now.', ['Send it to the provider (e.g. Anthropic) now.']],
    ['isol8 Inc. (“isol8”) operates it. We are here.', ['isol8 Inc. (“isol8”) operates it.', 'We are here.']],
    ['Stripe, Inc. We use it.', ['Stripe, Inc.', 'We use it.']],
    ['Logs, metrics, etc. are kept. Then deleted.', ['Logs, metrics, etc. are kept.', 'Then deleted.']],
    ['The contents of your VM.Your code lives on disk.', ['The contents of your VM.', 'Your code lives on disk.']],
    ['Visit Example.com for more. Or not.', ['Visit Example.com for more.', 'Or not.']],
    ['Built with Node.js and ASP.NET by the U.S.A. team.', ['Built with Node.js and ASP.NET by the U.S.A. team.']],
    ['Contact privacy@isol8.co. We respond within 30 days.', ['Contact privacy@isol8.co.', 'We respond within 30 days.']],
    ['Approved by J. Smith on Jan. 5 this year.', ['Approved by J. Smith on Jan. 5 this year.']],
    ['He said "we never sell data." Then he left!', ['He said "we never sell data."', 'Then he left!']],
    ['Really?! Yes... Indeed.', ['Really?!', 'Yes...', 'Indeed.']],
    ['1. We collect email.', ['1. We collect email.']],
    ['No terminal punctuation here', ['No terminal punctuation here']],
    ['Price is 3.5 dollars. 30 days later it ends.', ['Price is 3.5 dollars.', '30 days later it ends.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected)
  })
})

describe('splitSentences', () => {
  it('gives each sentence its start line and section path', () => {
    const md = [
      '# Policy', //                                   1
      '## 4. Third-Party Services', //                 2
      'We use the following services:', //           3
      '', //                                          4
      '- Stripe (payments). Card numbers never', //   5
      '  touch our servers.', //                      6
      '- PostHog', //                                 7
      '', //                                          8
      '### Clerk', //                                 9
      'Authentication. Clerk', //                    10
      'processes account data.', //                  11
      '## 5. Security', //                           12
      'Encrypted.', //                               13
    ].join('\n')
    const sentences = splitSentences(extractPolicyText('p.md', md))
    expect(sentences.map((s) => [s.text, s.line, s.endLine, s.section.join(' > '), s.heading, s.item, s.lead ?? ''])).toEqual([
      ['Policy', 1, 1, 'Policy', true, false, ''],
      ['4. Third-Party Services', 2, 2, 'Policy > 4. Third-Party Services', true, false, ''],
      ['We use the following services:', 3, 3, 'Policy > 4. Third-Party Services', false, false, ''],
      ['Stripe (payments).', 5, 5, 'Policy > 4. Third-Party Services', false, true, 'We use the following services:'],
      ['Card numbers never touch our servers.', 5, 6, 'Policy > 4. Third-Party Services', false, true, 'We use the following services:'],
      ['PostHog', 7, 7, 'Policy > 4. Third-Party Services', false, true, 'We use the following services:'],
      ['Clerk', 9, 9, 'Policy > 4. Third-Party Services > Clerk', true, false, ''],
      ['Authentication.', 10, 10, 'Policy > 4. Third-Party Services > Clerk', false, false, ''],
      ['Clerk processes account data.', 10, 11, 'Policy > 4. Third-Party Services > Clerk', false, false, ''],
      ['5. Security', 12, 12, 'Policy > 5. Security', true, false, ''],
      ['Encrypted.', 13, 13, 'Policy > 5. Security', false, false, ''],
    ])
  })

  it('keeps a vendor-name line of the codecloud seed as the section of the line after it', () => {
    const sentences = splitSentences(extractPolicyText('codecloud.txt', fixture('codecloud-privacy-policy.txt')))
    const e2b = sentences.find((s) => s.text.startsWith('Secure sandbox environment'))!
    expect(e2b).toMatchObject({ line: 98, section: ['4. Third-Party Services', 'E2B'] })
    const clerk = sentences.find((s) => s.text === 'Clerk processes your account data and payment information.')!
    expect(clerk).toMatchObject({ line: 86, section: ['4. Third-Party Services', 'Clerk'] })
    expect(sentences.find((s) => s.text.startsWith('2.1'))!.section).toEqual(['2. Information We Collect', '2.1 Account Information'])
  })

  it('splits the jeanclaude "VM.Your" quirk and keeps bullets apart', () => {
    const sentences = splitSentences(extractPolicyText('jeanclaude.txt', fixture('jeanclaude-privacy-policy.txt')))
    const line8 = sentences.filter((s) => s.line === 8).map((s) => s.text)
    expect(line8).toEqual([
      'The contents of your VM.',
      "Your code, files and repositories live on your VM's disk.",
      'We do not browse them.',
      'We access VM internals only when strictly necessary to operate the service, investigate abuse, or when the law requires it.',
    ])
    expect(sentences.filter((s) => s.line === 5).map((s) => s.text)).toEqual(['Billing data: handled by Stripe.', 'Card numbers never touch our servers.'])
    expect(sentences.find((s) => s.line === 14)!.section).toEqual(['4. Who processes data for us'])
  })

  it('is linear on a huge block without spaces or with many abbreviations', () => {
    const blobs = ['a.'.repeat(200_000), 'e.g. '.repeat(100_000), 'x'.repeat(400_000), 'Inc. '.repeat(100_000)]
    for (const blob of blobs) {
      const started = performance.now()
      splitSentences([{ text: blob, line: 1, endLine: 1, heading: false }])
      expect(performance.now() - started).toBeLessThan(2000)
    }
  })
})
