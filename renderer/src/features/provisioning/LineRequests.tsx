/** The provisioning requests of one line, shown on the line's detail (owned by the provisioning area). */
export function LineRequests(_props: { lineId: string }) {
  return null
}
