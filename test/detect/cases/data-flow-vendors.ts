// Personal data reaching vendor SDK calls and logs, and the look-alikes that carry none.
// privaudit:expect import:posthog
import posthog from 'posthog-js'
// privaudit:expect import:posthog
import { PostHog } from 'posthog-node'
// privaudit:expect import:resend
import { Resend } from 'resend'
// privaudit:expect import:sentry
import * as Sentry from '@sentry/nextjs'
// privaudit:expect import:openai
import OpenAI from 'openai'
import pino from 'pino'
import { createHash } from 'node:crypto'

const log = pino()
const resend = new Resend(process.env.RESEND_API_KEY)
const server = new PostHog('phc_x')
const openai = new OpenAI()

interface User { id: string; email: string; name: string; emailVerified: boolean; phoneNumber?: string }

export function signedIn(user: User, req: { ip: string; headers: Record<string, string> }) {
  // privaudit:expect data-flow:user.unique_id-posthog privaudit:expect data-flow:user.contact.email-posthog privaudit:expect data-flow:user.name-posthog
  posthog.identify(user.id, { email: user.email, name: user.name })
  // privaudit:expect data-flow:user.device.ip_address-posthog
  server.capture({ distinctId: 'anon', event: 'login', properties: { ip: req.headers['x-forwarded-for'] } })
  // privaudit:expect data-flow:user.contact.email-sentry
  Sentry.setUser({ email: user.email })
  // privaudit:expect data-flow:user.device.ip_address-log privaudit:expect data-flow:user.contact.phone_number-log
  log.info({ clientIp: req.ip, phone: user.phoneNumber }, 'signed in')
  // privaudit:expect data-flow:user.contact.email-resend
  void resend.emails.send({ from: 'a@b.c', to: recipientOf(user), subject: 'Welcome' })
  // privaudit:expect data-flow:user.content-openai
  void openai.chat.completions.create({ model: 'x', messages: history() })
  // privaudit:expect data-flow:user.contact.email-log
  console.log(`welcome ${user.email}`)

  // look-alikes: a flag, a template, an event name, a count, a colour; a hashed email; ids to a log
  posthog.capture('login', { verified: user.emailVerified, emailTemplate: 'welcome', templateName: 'x', eventName: 'y', tokenCount: 3, userNameColor: 'red' })
  posthog.identify(createHash('sha256').update(user.email).digest('hex'))
  posthog.capture('plan', { ipRange: '10.0.0.0/8', isEmail: true, hashedEmail: sha256(user.email) })
  log.info({ template: 'welcome', count: 2 }, 'sent')
  // privaudit:expect data-flow:user.unique_id-log
  log.info({ userId: user.id }, 'ids are logged, not personal data for the log rule, but still a flow')
}

declare function recipientOf(user: User): string
declare function history(): Array<{ role: string; content: string }>
declare function sha256(value: string): string
