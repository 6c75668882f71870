export * from './billing'
export * from './core'
export * from './customers'
export * from './sync'
