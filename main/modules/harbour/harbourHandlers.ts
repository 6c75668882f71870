import type { HarbourHandlers, HarbourServices } from './harbourArea'

export function harbourHandlers(s: HarbourServices): HarbourHandlers {
  return {
    'harbour.issuer.get': () => s.issuer.get(),
    'harbour.issuer.update': (input, ctx) => s.issuer.set(ctx.actor(), input),

    'harbour.boats.list': ({ customerId, limit }) => s.boats.listByCustomer(customerId, limit),
    'harbour.boats.get': ({ id }) => s.boats.get(id),
    'harbour.boats.create': (input, ctx) => s.boats.create(ctx.actor(), input),
    'harbour.boats.update': ({ id, boat, expectedVersion }, ctx) =>
      s.boats.update(ctx.actor(), id, boat, expectedVersion),

    'harbour.pontoons.list': () => s.berths.listPontoons(),
    'harbour.pontoons.create': (input, ctx) => s.berths.createPontoon(ctx.actor(), input),
    'harbour.berths.create': (input, ctx) => s.berths.createBerth(ctx.actor(), input),
    'harbour.berths.update': (input, ctx) => s.berths.updateBerth(ctx.actor(), input),
    'harbour.berths.plan': ({ date, limit, cursor }) => s.berths.plan(date, limit, cursor),
    'harbour.berths.occupant': ({ berthId, date }) => s.contracts.occupant(berthId, date),
    'harbour.berths.candidates': ({ boatId, startDate, endDate, limit, query }) =>
      s.berths.candidates(s.boats.row(boatId), startDate, endDate, limit, query),

    'harbour.tariffs.list': ({ date }) => s.tariffs.list(date),
    'harbour.tariffs.history': ({ id }) => s.tariffs.history(id),
    'harbour.tariffs.create': (input, ctx) => s.tariffs.create(ctx.actor(), input),
    'harbour.tariffs.revise': (input, ctx) => s.tariffs.revise(ctx.actor(), input),

    'harbour.contracts.quote': (input) => s.contracts.quote(input),
    'harbour.contracts.create': (input, ctx) => s.contracts.create(ctx.actor(), input),
    'harbour.contracts.update': ({ id, contract, expectedVersion }, ctx) =>
      s.contracts.update(ctx.actor(), id, contract, expectedVersion),
    'harbour.contracts.cancel': ({ id }, ctx) => s.contracts.cancel(ctx.actor(), id),
    'harbour.contracts.terminate': ({ id, effectiveDate, reason }, ctx) =>
      s.contracts.terminate(ctx.actor(), id, effectiveDate, reason),
    'harbour.contracts.get': ({ id }) => s.contracts.get(id),
    'harbour.contracts.list': (input) => s.contracts.list(input),
    'harbour.contracts.pdf': ({ id }) => s.contracts.pdf(id),
    'harbour.contracts.signStep': ({ id, step }, ctx) => s.contracts.signStep(ctx.actor(), id, step),
    'harbour.contracts.signedPdf': ({ id }) => s.contracts.signedPdf(id),
  }
}
