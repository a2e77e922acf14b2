// What the product's own forms and input schemas ask for: Zod object schemas, JSX form fields, react-hook-form's
// register; and the look-alikes that ask for nothing.
import { z } from 'zod'
import * as v from 'valibot'
import * as yup from 'yup'
import { object, string } from 'zod/v4'
import { useForm, Controller } from 'react-hook-form'
import { createInsertSchema } from 'drizzle-zod'
import { Input, TextField, FormField, Icon, Button, Form } from './ui'
import { users } from './schema'

export const signUpSchema = z.object({
  // privaudit:expect data-flow:user.contact.email-collected
  email: z.string().email(),
  // privaudit:expect data-flow:user.contact.phone_number-collected
  phone: z.string(),
  // a bare name, under a schema whose name says nothing of whose it is
  name: z.string(),
  // privaudit:expect data-flow:user.authorization.password-collected
  password: z.string().min(8),
  // a notification toggle, a fixed value, a flag, a template, the account's own id: no datum asked for
  email_notifications: z.boolean(),
  email: z.boolean().default(true),
  phone: z.literal('none'),
  emailVerified: z.boolean(),
  emailTemplate: z.string(),
  userId: z.string(),
})

// read with the schema's subject: a user's name, a project's name (no person's)
// privaudit:expect data-flow:user.name-collected
export const insertUserSchema = z.object({ name: z.string() })
export const projectSchema = z.object({ name: z.string(), slug: z.string() })

export const profileSchema = signUpSchema.extend({
  // privaudit:expect data-flow:user.demographic.date_of_birth-collected
  birthday: z.coerce.date(),
})

export const inference = z.strictObject({
  // a message's content, read with the property that holds it
  // privaudit:expect data-flow:user.content-collected
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })),
})

export const insertUser = createInsertSchema(users).extend({
  // privaudit:expect data-flow:user.contact.address-collected
  streetAddress: z.string(),
})

// privaudit:expect data-flow:user.contact.email-collected
export const v4 = object({ email: string() })

// privaudit:expect data-flow:user.contact.phone_number-collected
export const valibotSchema = v.object({ phoneNumber: v.pipe(v.string()), subscribed: v.boolean() })

// privaudit:expect data-flow:user.contact.email-collected
export const yupSchema = yup.object().shape({ email: yup.string().email() })

// an env schema: variable names, never a person's data
export const env = z.object({ GCP_CLIENT_EMAIL: z.string(), SMTP_PASSWORD: z.string() })

// not a schema: a plain object, and an `extend` of something else whose fields are not schemas
export const defaults = { email: 'support@example.com' }
export const Mention = Node.extend({ name: 'mention', email: 'x' })

export function SignUp() {
  const { register, control } = useForm()
  return (
    <form>
      {/* privaudit:expect data-flow:user.contact.email-collected */}
      <input name="email" type="email" required />
      {/* privaudit:expect data-flow:user.contact.phone_number-collected */}
      <input type="tel" />
      {/* privaudit:expect data-flow:user.contact.address-collected */}
      <input name="line1" autoComplete="shipping street-address" />
      {/* privaudit:expect data-flow:user.demographic.date_of_birth-collected */}
      <input name="dob" type="date" />
      {/* privaudit:expect data-flow:user.financial.credit_card-collected */}
      <input autoComplete="cc-number" inputMode="numeric" />
      {/* privaudit:expect data-flow:user.contact.phone_number-collected */}
      <Input name="phone" />
      {/* privaudit:expect data-flow:user.contact.email-collected */}
      <TextField type="email" label="Email" />
      {/* privaudit:expect data-flow:user.name-collected */}
      <input {...register('fullName')} />
      {/* privaudit:expect data-flow:user.authorization.password-collected */}
      <input type="password" name="password" autoComplete="current-password" />
      {/* privaudit:expect data-flow:user.contact.email-collected */}
      <Controller name="contact.email" control={control} render={({ field }) => <Input type="email" {...field} />} />
      {/* privaudit:expect data-flow:user.contact.email-collected */}
      <FormField
        control={control}
        name="email"
        render={({ field }) => (
          <div>
            <label>Email</label>
            <Input type="email" {...field} />
          </div>
        )}
      />
      {/* privaudit:expect data-flow:user.contact.email-collected */}
      <Form.Item name={['user', 'email']} label="Email">
        <Input type="email" />
      </Form.Item>
      {/* look-alikes: a search box, a query, a template, a flag, a CSRF token, a masked API key, a read-only echo */}
      <input type="search" name="q" />
      <input type="text" name="query" />
      <input name="emailTemplate" />
      <input type="checkbox" name="emailVerified" />
      <input type="checkbox" name="email" />
      <input type="hidden" name="csrfToken" value="x" />
      <input type="hidden" name="email" value="x" />
      <Input type="password" name="apiKey" />
      <input name="email" readOnly />
      <input name="name" />
      <input autoComplete="off" name="title" />
      {/* not form controls: an icon's name, a button's type */}
      <Icon name="phone" />
      <Button type="submit">Sign up</Button>
    </form>
  )
}
