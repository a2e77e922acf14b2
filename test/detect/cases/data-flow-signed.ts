// A route that checks its sender's signature is a webhook's, whatever its path: its body is not a person's submission.
import express from 'express'

const app = express()

app.post('/events', (req, res) => {
  if (!verify(req.headers['x-hub-signature-256'], req.body)) return res.sendStatus(401)
  console.log('event', req.body)
  // privaudit:expect data-flow:user.contact.email-log
  console.log('from', req.body.senderEmail)
  res.sendStatus(204)
})

declare function verify(signature: unknown, body: unknown): boolean
