// More senders in the catalog: an SMS API (the recipient is a phone number by nature), LLM clients of OpenAI's shape
// and their own, an email API whose client is made by a factory's instance. Read with the vendor files' own models:
// privaudit:catalog real
// privaudit:expect import:twilio
import twilio from 'twilio'
// privaudit:expect import:groq
import Groq from 'groq-sdk'
// privaudit:expect import:together-ai
import Together from 'together-ai'
// privaudit:expect import:mistral
import { Mistral } from '@mistralai/mistralai'
// privaudit:expect import:cohere
import { CohereClientV2 } from 'cohere-ai'
// privaudit:expect import:mailgun
import Mailgun from 'mailgun.js'

const sms = twilio('AC1', 'token')
const groq = new Groq()
const together = new Together()
const mistral = new Mistral({ apiKey: 'key' })
const cohere = new CohereClientV2({ token: 'token' })
const mg = new Mailgun(FormData).client({ username: 'api', key: 'key' })

export async function send(mobile: string, recipient: string, history: Array<{ role: 'user'; content: string }>) {
  // privaudit:expect data-flow:user.contact.phone_number-twilio
  await sms.messages.create({ to: mobile, from: '+15550000000', body: 'Your code is ready' })
  // privaudit:expect data-flow:user.content-groq
  await groq.chat.completions.create({ model: 'llama-3.3-70b', messages: history })
  // privaudit:expect data-flow:user.content-together-ai
  await together.chat.completions.create({ model: 'm', messages: history })
  // privaudit:expect data-flow:user.content-mistral
  await mistral.chat.complete({ model: 'mistral-small-latest', messages: history })
  // privaudit:expect data-flow:user.content-cohere
  await cohere.chat({ model: 'command-r', messages: history })
  // privaudit:expect data-flow:user.contact.email-mailgun
  await mg.messages.create('mg.example.com', { from: 'no-reply@example.com', to: [recipient], subject: 'Hi', text: 'Hi' })

  // look-alikes: the on-call number and the ops inbox fixed in config, a constant prompt
  await sms.messages.create({ to: process.env.ONCALL_PHONE, from: '+15550000000', body: 'Disk full' })
  await mg.messages.create('mg.example.com', { from: 'a@example.com', to: ['ops@example.com'], subject: 'Report', text: '-' })
  await mistral.chat.complete({ model: 'm', messages: [{ role: 'user', content: 'Say hello' }] })
}
