export function contactOf(user: { email: string; name: string }) {
  return { address: user.email, label: user.name }
}
