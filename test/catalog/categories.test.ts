// The personal data categories (data/categories.yaml): the file validates, and names carry exactly the categories
// they should — the look-alikes (flags, templates, counts, hashed copies) carry none.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { CATEGORIES_FILE, categoriesIssues, DataCategories, loadCategories, type CategoriesFile } from '../../src/catalog/categories.js'

const categories = loadCategories()

describe('data categories', () => {
  it('the file validates against its schema, and an invalid one is rejected with the path', () => {
    const data = parse(readFileSync(CATEGORIES_FILE, 'utf8')) as CategoriesFile
    expect(categoriesIssues(data)).toEqual([])
    const broken = structuredClone(data)
    ;(broken.categories['user.contact.email'] as { words: unknown }).words = [['Email']]
    expect(categoriesIssues(broken)[0]).toMatch(/^\/categories\/user\.contact\.email\/words/)
  })

  const carries: Array<[string, string]> = [
    ['email', 'user.contact.email'], ['userEmail', 'user.contact.email'], ['email_address', 'user.contact.email'], ['EMAIL', 'user.contact.email'],
    ['firstName', 'user.name'], ['fullName', 'user.name'], ['displayName', 'user.name'], ['customer_name', 'user.name'],
    ['username', 'user.account.username'], ['phoneNumber', 'user.contact.phone_number'], ['mobileNumber', 'user.contact.phone_number'],
    ['billingAddress', 'user.contact.address'], ['zipCode', 'user.contact.address'],
    ['ip', 'user.device.ip_address'], ['ipAddress', 'user.device.ip_address'], ['clientIp', 'user.device.ip_address'], ['IP_ADDRESS', 'user.device.ip_address'],
    ['userAgent', 'user.device'], ['deviceId', 'user.device.device_id'], ['latitude', 'user.location.precise'],
    ['iban', 'user.financial.bank_account'], ['cardNumber', 'user.financial.credit_card'], ['ssn', 'user.government_id'], ['dateOfBirth', 'user.demographic.date_of_birth'],
    ['password', 'user.authorization.password'], ['refreshToken', 'user.authorization.credentials.oauth_token'], ['privateKey', 'user.authorization.credentials.private_key'],
    ['userId', 'user.unique_id'], ['distinct_id', 'user.unique_id'], ['prompt', 'user.content'],
  ]
  for (const [name, key] of carries) it(`${name} carries ${key}`, () => expect(categories.ofName(name)).toBe(key))

  const lookAlikes = ['emailVerified', 'emailTemplate', 'templateName', 'eventName', 'fileName', 'name', 'userNameColor', 'ipRange', 'tokenCount',
    'hashedEmail', 'isEmail', 'hasPhone', 'maskedIp', 'emailCount', 'address', 'walletAddress', 'passwordHash', 'zip', 'emailsEnabled', 'messages', 'browser', 'mobile', 'isMobile']
  for (const name of lookAlikes) it(`${name} carries nothing`, () => expect(categories.ofName(name)).toBeUndefined())

  it('an object and its key read together: user.name is a name, template.name is not', () => {
    expect(categories.ofMember('user', 'name')).toBe('user.name')
    expect(categories.ofMember('author', 'name')).toBe('user.name')
    expect(categories.ofMember('template', 'name')).toBeUndefined()
    // the key's own first word still rules it out: input.isMobile is a flag, user.hashedEmail a transformed copy
    expect(categories.ofMember('input', 'isMobile')).toBeUndefined()
    expect(categories.ofMember('user', 'hashedEmail')).toBeUndefined()
  })

  it('request headers by name, in any case', () => {
    expect(categories.ofHeader('X-Forwarded-For')).toBe('user.device.ip_address')
    expect(categories.ofHeader('user-agent')).toBe('user.device')
    expect(categories.ofHeader('authorization')).toBeUndefined()
  })

  it('form fields by their HTML autofill token, with its section and contact modifiers, or their input type', () => {
    const asked: Array<[string, string | undefined]> = [
      ['email', 'user.contact.email'], ['tel', 'user.contact.phone_number'], ['home tel webauthn', 'user.contact.phone_number'],
      ['section-a shipping street-address', 'user.contact.address'], ['postal-code', 'user.contact.address'], ['country', 'user.location.imprecise'],
      ['given-name', 'user.name'], ['cc-name', 'user.name'], ['cc-number', 'user.financial.credit_card'], ['bday', 'user.demographic.date_of_birth'],
      ['sex', 'user.demographic.gender'], ['current-password', 'user.authorization.password'], ['username', 'user.account.username'],
      ['Email', 'user.contact.email'],
      // what asks for no datum: autofill off or on, a one-time code, an organisation; a masked field is not a password by its type
      ['off', undefined], ['on', undefined], ['one-time-code', undefined], ['organization', undefined], ['password', undefined], ['search', undefined], ['', undefined],
    ]
    expect(asked.map(([value]) => [value, categories.ofAutofill(value)])).toEqual(asked)
  })

  it('the longest pattern wins across categories', () => {
    const custom = new DataCategories({ notFirst: [], categories: {
      'user.contact.address': { label: 'a', identifying: true, logged: true, words: [['address']], phrases: ['address'] },
      'user.device.ip_address': { label: 'b', identifying: true, logged: true, words: [['ip', 'address']], phrases: ['ip address'] },
    } })
    expect(custom.ofName('ipAddress')).toBe('user.device.ip_address')
    expect(custom.ofName('homeAddress')).toBe('user.contact.address')
  })
})
