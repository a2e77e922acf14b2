// A workspace package whose function logs its second argument: what callers in other modules pass there is logged.
export function audit(event: string, detail: unknown) {
  console.log(event, detail)
}
