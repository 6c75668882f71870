import type { gatewayKeysFr, gatewayKeysValidationFr } from './gatewayKeys.fr'

export const gatewayKeysEn: typeof gatewayKeysFr = {
  title: 'Payment gateway keys',
  intro:
    'Keys of this desk’s local hub (demo mode). They are kept encrypted on this desk and never shown again: a fingerprint (the last 4 characters of the key’s SHA-256) tells which one is saved.',
  protection: {
    keychain: 'Encrypted with the system keychain.',
    localKey:
      'Encrypted with a local key kept in the data folder (no keychain available): a copy of the file alone does not reveal them, a copy of the whole folder does.',
  },
  origin: {
    env: 'Saved from the GUICHET_PAY_* variables on {{at}}.',
    admin: 'Saved by an administrator on {{at}}.',
  },
  none: 'No keys saved: the local hub uses the sandboxes’ demo keys.',
  localHub: {
    stored: 'This desk’s local hub runs with the saved keys.',
    demo: 'This desk’s local hub runs with the demo keys.',
    off: 'This desk uses no local hub: the central hub reads its own keys from its environment.',
  },
  restartNeeded: 'Keys changed: they apply at the desk’s next start.',
  fromEnvironment: 'The GUICHET_PAY_* variables are set: at every start they replace the keys saved here.',
  unreadable:
    'The saved keys cannot be read (another keychain, missing local key or damaged file). Enter them again; meanwhile the local hub uses the demo keys.',
  configured: 'Configured · fingerprint {{fingerprint}}',
  notConfigured: 'Not configured',
  replaceHelp: 'Saved keys are never shown again: fill in every field to replace them.',
  save: 'Save',
  saveSection: 'Save: {{gateway}}',
  removeSection: 'Remove: {{gateway}}',
  remove: 'Remove',
  saved: '{{gateway}}: keys saved (fingerprint {{fingerprint}}). They apply at the desk’s next start.',
  removed: '{{gateway}} removed. Applies at the desk’s next start.',
  publicUrlSaved: 'Public address saved. Applies at the desk’s next start.',
  saveFailed: 'Could not save',
  gateways: {
    monetico: 'Monetico (CM-CIC)',
    cmi: 'CMI (3D Pay Hosting)',
    fatourati: 'FATOURATI',
    amanpay: 'AmanPay',
    publicUrl: 'Public address',
  },
  fields: {
    tpe: 'Terminal number (TPE)',
    key: 'Security key (40 characters)',
    company: 'Company code (societe)',
    paymentUrl: 'Payment page address',
    clientId: 'Merchant id (clientid)',
    storeKey: 'Store key',
    gatewayUrl: 'Gateway address',
    secret: 'Secret shared with the operator',
    publicUrl: 'Public address of the local hub',
  },
  help: {
    paymentUrl: 'Empty: the bank’s test page. /sandbox/monetico/paiement.cgi: the local sandbox.',
    gatewayUrl: 'Empty: CMI’s test gateway. /sandbox/cmi/fim/est3Dgate: the local sandbox.',
    publicUrl: 'Empty: the address the browser reaches the local hub at.',
  },
}

export const gatewayKeysValidationEn: typeof gatewayKeysValidationFr = {
  moneticoTpe: 'Invalid terminal number (7 digits or letters).',
  moneticoKey: 'Invalid Monetico key (40 hexadecimal characters).',
  gatewayCompany: 'Invalid company code (letters, digits, . _ -).',
  gatewayUrl: 'Invalid address (https://… or a path starting with /).',
  cmiClientId: 'Invalid CMI merchant id (6 to 20 digits).',
  cmiStoreKey: 'Invalid store key (8 to 128 characters, no spaces).',
  gatewaySecret: 'Invalid secret (16 to 256 characters, no spaces).',
}
