// An email that crosses two modules before a logger call, and a support widget booted with the user's name and email.
// privaudit:expect import:intercom
import Intercom from '@intercom/messenger-js-sdk'
import { audit, logger } from './logger'
import { contactOf } from './users'
import browser, { server, tracker } from './clients'

export function handle(user: { id: string; email: string; name: string }) {
  const contact = contactOf(user)
  // privaudit:expect data-flow:user.contact.email-log
  logger.warn({ to: contact.address }, 'mail bounced')
  // privaudit:expect data-flow:user.contact.email-log
  audit('login', user.email)
  // privaudit:expect data-flow:user.contact.email-intercom privaudit:expect data-flow:user.name-intercom
  Intercom({ app_id: 'abc', email: user.email, name: user.name })
  // privaudit:expect data-flow:user.contact.email-posthog privaudit:expect data-flow:user.unique_id-posthog
  server.capture({ distinctId: user.id, event: 'login', properties: { email: user.email } })
  // privaudit:expect data-flow:user.name-posthog
  browser.identify('anon', { name: user.name })
  tracker.capture({ email: user.email })
  // privaudit:expect privacy-signal:dnt-navigator
  if (navigator.doNotTrack === '1') return
}
