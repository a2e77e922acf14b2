// An email that crosses two modules before a logger call, and a support widget booted with the user's name and email.
// privaudit:expect import:intercom
import Intercom from '@intercom/messenger-js-sdk'
import { audit, logger } from './logger'
import { contactOf } from './users'

export function handle(user: { id: string; email: string; name: string }) {
  const contact = contactOf(user)
  // privaudit:expect data-flow:user.contact.email-log
  logger.warn({ to: contact.address }, 'mail bounced')
  // privaudit:expect data-flow:user.contact.email-log
  audit('login', user.email)
  // privaudit:expect data-flow:user.contact.email-intercom privaudit:expect data-flow:user.name-intercom
  Intercom({ app_id: 'abc', email: user.email, name: user.name })
  // privaudit:expect privacy-signal:dnt-navigator
  if (navigator.doNotTrack === '1') return
}
