// Columns a table schema declares, whose names carry a data category, and a form field read by its name.
import { pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { defineTable } from 'convex/server'
import { v } from 'convex/values'

export const users = pgTable('users', {
  // privaudit:expect data-flow:user.unique_id-storage
  id: uuid('id').primaryKey(),
  // privaudit:expect data-flow:user.contact.email-storage
  email: text('email').notNull(),
  // privaudit:expect data-flow:user.name-storage
  displayName: text('display_name'),
  // look-alikes: a flag, a template, a plan
  emailVerified: text('email_verified'),
  emailTemplate: text('email_template'),
  plan: text('plan'),
})

export const contacts = defineTable({
  // privaudit:expect data-flow:user.contact.phone_number-storage
  phoneNumber: v.string(),
  label: v.string(),
})

// not a table: an object literal that happens to name an email
export const defaults = { email: 'support@example.com' }

export async function subscribe(form: FormData, log: { info(x: unknown): void }) {
  // privaudit:expect data-flow:user.contact.email-log
  log.info({ to: form.get('email') })
  // a field that carries nothing
  log.info({ plan: form.get('plan') })
}
