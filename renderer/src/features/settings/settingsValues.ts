import { settingsUpdateInput } from '../../../../preload/contract'

/** The longest lock delay main accepts, read from the contract rather than copied. */
export const MAX_LOCK_MINUTES: number = settingsUpdateInput.shape.lockAfterMinutes.unwrap().maxValue ?? 240
