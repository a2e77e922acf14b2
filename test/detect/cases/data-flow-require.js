// A file that loads its SDK only through a factory's require: its calls are vendor calls all the same. Read with the
// vendor files' own models: privaudit:catalog real

// privaudit:expect import:mailchimp privaudit:expect env:mailchimp
const mandrill = require('@mailchimp/mailchimp_transactional')(process.env.MANDRILL_KEY)

async function notify(recipient) {
  // privaudit:expect data-flow:user.contact.email-mailchimp
  await mandrill.messages.send({ message: { to: [{ email: recipient }], subject: 'Hi' } })
}

module.exports = { notify }
