// Personal data written to a database, by the call shapes of data/models/storage.yaml, and writes that carry none.
declare const db: any
declare const supabase: any
declare const prisma: any
declare const ctx: { db: any }
declare const users: any
declare const userRepository: any
declare const cache: any

export async function save(user: { id: string; email: string; name: string; phone: string }, profile: { email: string }) {
  // privaudit:expect data-flow:user.contact.email-storage
  await db.insert(users).values({ id: 'x', email: profile.email })
  // privaudit:expect data-flow:user.name-storage
  await supabase.from('profiles').upsert({ full_name: user.name })
  // privaudit:expect data-flow:user.contact.phone_number-storage
  await prisma.user.create({ data: { phone: user.phone } })
  // privaudit:expect data-flow:user.contact.email-storage
  await ctx.db.insert('users', { email: user.email })
  // privaudit:expect data-flow:user.contact.email-storage
  await users.insertOne({ email: user.email })
  // privaudit:expect data-flow:user.name-storage
  await userRepository.save({ displayName: user.name })

  // not writes: a cache's set, a Map's set, a Prisma read, an insert not chained on from()/insert()
  cache.set('k', user.email)
  new Map().set('k', user.email)
  await prisma.user.findUnique({ where: { email: user.email } })
  ;[1, 2].values()
  // a write of nothing personal
  await db.insert(users).values({ plan: 'free', createdAt: new Date() })
}
