// Vendor SDK calls that send personal data: CRMs, email APIs, LLM clients (a request object of the SDK's own class,
// a client made by another client), browser snippets' globals; and look-alikes that send nothing personal. Read with
// the vendor files' own models: privaudit:catalog real
// privaudit:expect import:customer-io
import { APIClient, SendEmailRequest, TrackClient } from 'customerio-node'
// privaudit:expect import:hubspot
import { Client as HubSpot } from '@hubspot/api-client'
// privaudit:expect import:plain
import { PlainClient } from '@team-plain/typescript-sdk'
// privaudit:expect import:aws-bedrock
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand, ListAsyncInvokesCommand } from '@aws-sdk/client-bedrock-runtime'
// privaudit:expect import:google-gemini
import { GoogleGenAI } from '@google/genai'
// privaudit:expect import:google-gemini
import { GoogleGenerativeAI } from '@google/generative-ai'
// privaudit:expect import:vertex-ai
import { VertexAI } from '@google-cloud/vertexai'
// privaudit:expect import:aws-ses
import { SESClient, SendEmailCommand, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses'
// privaudit:expect import:loops
import { LoopsClient } from 'loops'
// privaudit:expect import:brevo
import * as brevo from '@getbrevo/brevo'
// privaudit:expect import:mailchimp
import mailchimpTransactional from '@mailchimp/mailchimp_transactional'
// privaudit:expect import:logrocket
import LogRocket from 'logrocket'
// privaudit:expect import:fullstory
import { FullStory } from '@fullstory/browser'
// privaudit:expect import:datadog
import { datadogRum } from '@datadog/browser-rum'
// privaudit:expect import:hotjar
import Hotjar from '@hotjar/browser'
// privaudit:expect import:june
import { Analytics } from '@june-so/analytics-node'

interface User { id: string; email: string; name: string; phone: string }

const cio = new TrackClient('site', 'key')
const cioApi = new APIClient('key')
const hubspot = new HubSpot({ accessToken: 'token' })
const plain = new PlainClient({ apiKey: 'key' })
const bedrock = new BedrockRuntimeClient({ region: 'eu-west-1' })
const ai = new GoogleGenAI({})
const gemini = new GoogleGenerativeAI('key').getGenerativeModel({ model: 'gemini-pro' })
const vertex = new VertexAI({ project: 'p', location: 'europe-west4' })
const ses = new SESClient({})
const loops = new LoopsClient('key')
const transactional = new brevo.TransactionalEmailsApi()
const mandrill = mailchimpTransactional('key')
const analytics = new Analytics('key')

export async function crm(user: User, recipient: string, question: string) {
  // privaudit:expect data-flow:user.unique_id-customer-io privaudit:expect data-flow:user.contact.email-customer-io
  await cio.identify(user.id, { email: user.email, plan: 'pro' })
  // privaudit:expect data-flow:user.contact.email-customer-io
  await cioApi.sendEmail(new SendEmailRequest({ to: recipient, transactional_message_id: 'welcome' }))
  // privaudit:expect data-flow:user.contact.email-hubspot privaudit:expect data-flow:user.name-hubspot
  await hubspot.crm.contacts.basicApi.create({ properties: { email: user.email, firstname: user.name } })
  // privaudit:expect data-flow:user.contact.email-hubspot
  await hubspot.marketing.transactional.singleSendApi.sendEmail({ emailId: 1, message: { to: recipient } })
  // privaudit:expect data-flow:user.unique_id-june privaudit:expect data-flow:user.contact.email-june
  analytics.identify({ userId: user.id, traits: { email: user.email } })
  // privaudit:expect data-flow:user.contact.email-plain privaudit:expect data-flow:user.contact.email-plain privaudit:expect data-flow:user.name-plain
  await plain.upsertCustomer({ identifier: { emailAddress: user.email }, onCreate: { fullName: user.name, email: { email: user.email, isVerified: true } }, onUpdate: {} })

  // privaudit:expect data-flow:user.content-aws-bedrock
  await bedrock.send(new InvokeModelCommand({ modelId: 'm', body: JSON.stringify({ prompt: question }) }))
  const converse = new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: question }] }] })
  // privaudit:expect data-flow:user.content-aws-bedrock
  await bedrock.send(converse)
  // privaudit:expect data-flow:user.content-google-gemini
  await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: question })
  const chat = ai.chats.create({ model: 'gemini-2.5-flash' })
  // privaudit:expect data-flow:user.content-google-gemini
  await chat.sendMessage({ message: question })
  // privaudit:expect data-flow:user.content-google-gemini
  await gemini.generateContent(question)
  // privaudit:expect data-flow:user.content-vertex-ai
  await vertex.getGenerativeModel({ model: 'gemini-pro' }).generateContent({ contents: [{ role: 'user', parts: [{ text: question }] }] })

  // privaudit:expect data-flow:user.contact.email-aws-ses
  await ses.send(new SendEmailCommand({ Source: 'no-reply@example.com', Destination: { ToAddresses: [recipient] }, Message: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hi' } } } }))
  // privaudit:expect data-flow:user.contact.email-loops
  await loops.sendTransactionalEmail({ transactionalId: 'welcome', email: recipient })
  // privaudit:expect data-flow:user.contact.email-loops
  await loops.createContact(recipient)
  // privaudit:expect data-flow:user.contact.email-brevo
  await transactional.sendTransacEmail({ to: [{ email: recipient }], subject: 'Hi', htmlContent: '<p>Hi</p>' })
  // privaudit:expect data-flow:user.contact.email-mailchimp
  await mandrill.messages.send({ message: { to: [{ email: recipient, type: 'to' }], subject: 'Hi' } })
  // privaudit:expect import:mailchimp
  const required = require('@mailchimp/mailchimp_transactional')('key')
  // privaudit:expect data-flow:user.contact.email-mailchimp
  await required.messages.sendTemplate({ template_name: 'welcome', message: { to: [{ email: recipient }] } })

  // look-alikes: the product's own addresses and prompts, fixed in code or config; a command with no recipient; a
  // model call with a constant prompt; a client's method no model names
  await ses.send(new SendEmailCommand({ Source: 'a@example.com', Destination: { ToAddresses: ['ops@example.com'] }, Message: { Subject: { Data: 'Report' }, Body: { Text: { Data: '-' } } } }))
  await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'no-reply@example.com' }))
  await bedrock.send(new ListAsyncInvokesCommand({}))
  await transactional.sendTransacEmail({ to: [{ email: process.env.SUPPORT_INBOX ?? 'support@example.com' }], subject: 'New signup' })
  await loops.sendTransactionalEmail({ transactionalId: 'digest', email: OPS })
  await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Say hello' })
  await gemini.countTokens(question)
  // an event's `name` is no person's name
  // privaudit:expect data-flow:user.unique_id-customer-io
  await cio.track(user.id, { name: 'signed_up' })
}

const OPS = 'ops@example.com'

export function browser(user: User) {
  // privaudit:expect data-flow:user.unique_id-logrocket privaudit:expect data-flow:user.name-logrocket privaudit:expect data-flow:user.contact.email-logrocket
  LogRocket.identify(user.id, { name: user.name, email: user.email })
  // privaudit:expect data-flow:user.contact.email-fullstory
  FullStory('setIdentity', { uid: 'x', properties: { email: user.email } })
  // privaudit:expect data-flow:user.contact.email-datadog privaudit:expect data-flow:user.unique_id-datadog
  datadogRum.setUser({ id: user.id, email: user.email })
  // privaudit:expect data-flow:user.contact.phone_number-hotjar
  Hotjar.identify('x', { phone: user.phone })
  // privaudit:expect data-flow:user.contact.email-hubspot
  _hsq.push(['identify', { email: user.email }])
  // privaudit:expect data-flow:user.contact.email-customer-io
  _cio.identify({ id: 'x', email: user.email })
  // privaudit:expect data-flow:user.contact.email-heap
  heap.addUserProperties({ email: user.email })
  // privaudit:expect data-flow:user.contact.email-hotjar
  hj('identify', 'x', { email: user.email })
  // privaudit:expect data-flow:user.contact.email-fullstory
  FS('setIdentity', { uid: 'x', properties: { email: user.email } })

  // look-alikes: events that carry nothing personal; a heap of the product's own; a queue no snippet defines
  _hsq.push(['trackPageView'])
  hj('event', 'signup')
  datadogRum.addAction('checkout', { plan: 'pro' })
  const jobs = new MinHeap()
  jobs.identify(user.email)
  const other = (window.dataQueue = window.dataQueue || [])
  other.push({ email: user.email })
}

// HubSpot's tracking code keeps its queue in a variable of the global's name
export function hubspotSnippet(user: User) {
  var _hsq = (window._hsq = window._hsq || [])
  // privaudit:expect data-flow:user.name-hubspot
  _hsq.push(['identify', { firstname: user.name }])
}

// the snippets' globals (_hsq, _cio, heap, hj, FS) are used undeclared, as a page that loads the snippet uses them
declare class MinHeap { identify(x: unknown): void }
