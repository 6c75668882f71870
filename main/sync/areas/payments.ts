import {
  customerCreditRefunds,
  customerCredits,
  paymentLinkOpens,
  paymentOutcomes,
  paymentRequests,
  transferProofs,
  transferReviews,
} from '../../db/schema'
import type { DeskEntity } from '../deskEntities'

/** How this desk stores the payments area's synced entities pulled from the hub (see deskEntities.ts). */
export const paymentsDeskEntities: Record<string, DeskEntity> = {
  payment_request: { table: paymentRequests, mode: 'append' },
  payment_outcome: { table: paymentOutcomes, mode: 'append', hubOrigin: true },
  payment_link_open: { table: paymentLinkOpens, mode: 'lww', hubOrigin: true },
  customer_credit: { table: customerCredits, mode: 'append', hubOrigin: true },
  customer_credit_refund: { table: customerCreditRefunds, mode: 'append' },
  transfer_proof: { table: transferProofs, mode: 'append' },
  transfer_review: { table: transferReviews, mode: 'append' },
}
