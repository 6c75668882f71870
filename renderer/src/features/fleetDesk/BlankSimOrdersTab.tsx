/** Tab of a business account's fleet page (owned by the fleet-desk area; embedded by fleet's account screen). */
export function BlankSimOrdersTab(_props: { customerId: string }) {
  return null
}
