import type { TicketStatus } from '../../../../preload/contract'

export const ticketStatusColor: Record<TicketStatus, string> = {
  open: 'blue',
  in_progress: 'orange',
  waiting_customer: 'grape',
  resolved: 'teal',
  closed: 'gray',
}

export function formatBytes(bytes: number, language: string): string {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB'
  if (bytes < 1024) return `${bytes} ${language === 'fr' ? 'o' : 'B'}`
  const kib = bytes / 1024
  if (kib < 1024)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(kib)} ${language === 'fr' ? 'Ko' : 'KB'}`
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(kib / 1024)} ${language === 'fr' ? 'Mo' : 'MB'}`
}
