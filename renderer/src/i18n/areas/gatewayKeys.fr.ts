/** French texts of the gateway keys panel (desk settings, administrators; docs/payments.md). */
export const gatewayKeysFr = {
  title: 'Clés des passerelles de paiement',
  intro:
    'Clés du serveur local de ce poste (mode démonstration). Elles sont gardées chiffrées sur ce poste et ne sont jamais réaffichées : une empreinte (les 4 derniers caractères du SHA-256 de la clé) permet de vérifier laquelle est enregistrée.',
  protection: {
    keychain: 'Chiffrées avec le trousseau du système.',
    localKey:
      'Chiffrées avec une clé locale rangée dans le dossier de données (aucun trousseau disponible) : une copie du fichier seul ne les révèle pas, une copie du dossier entier, si.',
  },
  origin: {
    env: 'Enregistrées depuis les variables GUICHET_PAY_* le {{at}}.',
    admin: 'Enregistrées par un administrateur le {{at}}.',
  },
  none: 'Aucune clé enregistrée : le serveur local utilise les clés de démonstration des bacs à sable.',
  localHub: {
    stored: 'Le serveur local de ce poste fonctionne avec les clés enregistrées.',
    demo: 'Le serveur local de ce poste fonctionne avec les clés de démonstration.',
    off: 'Ce poste n’utilise pas de serveur local : le serveur central lit ses propres clés dans son environnement.',
  },
  restartNeeded: 'Clés modifiées : elles s’appliquent au prochain démarrage du poste.',
  fromEnvironment:
    'Les variables GUICHET_PAY_* sont définies : à chaque démarrage, elles remplacent les clés enregistrées ici.',
  unreadable:
    'Les clés enregistrées sont illisibles (autre trousseau, clé locale absente ou fichier abîmé). Saisissez-les de nouveau ; en attendant, le serveur local utilise les clés de démonstration.',
  configured: 'Configurée · empreinte {{fingerprint}}',
  notConfigured: 'Non configurée',
  replaceHelp:
    'Les clés enregistrées ne sont jamais réaffichées : saisissez tous les champs pour les remplacer.',
  save: 'Enregistrer',
  saveSection: 'Enregistrer : {{gateway}}',
  remove: 'Retirer',
  removeSection: 'Retirer : {{gateway}}',
  saved:
    '{{gateway}} : clés enregistrées (empreinte {{fingerprint}}). Elles s’appliquent au prochain démarrage du poste.',
  removed: '{{gateway}} retirée. Effet au prochain démarrage du poste.',
  publicUrlSaved: 'Adresse publique enregistrée. Effet au prochain démarrage du poste.',
  saveFailed: 'Enregistrement impossible',
  gateways: {
    monetico: 'Monetico (CM-CIC)',
    cmi: 'CMI (3D Pay Hosting)',
    fatourati: 'FATOURATI',
    amanpay: 'AmanPay',
    publicUrl: 'Adresse publique',
  },
  fields: {
    tpe: 'Numéro de TPE',
    key: 'Clé de sécurité (40 caractères)',
    company: 'Code société (societe)',
    paymentUrl: 'Adresse de la page de paiement',
    clientId: 'Identifiant marchand (clientid)',
    storeKey: 'Clé du magasin (store key)',
    gatewayUrl: 'Adresse de la passerelle',
    secret: 'Secret partagé avec l’opérateur',
    publicUrl: 'Adresse publique du serveur local',
  },
  help: {
    paymentUrl: 'Vide : la page de test de la banque. /sandbox/monetico/paiement.cgi : le bac à sable local.',
    gatewayUrl: 'Vide : la passerelle de test de CMI. /sandbox/cmi/fim/est3Dgate : le bac à sable local.',
    publicUrl: 'Vide : l’adresse à laquelle le navigateur joint le serveur local.',
  },
}

export const gatewayKeysValidationFr = {
  moneticoTpe: 'Numéro de TPE invalide (7 chiffres ou lettres).',
  moneticoKey: 'Clé Monetico invalide (40 caractères hexadécimaux).',
  gatewayCompany: 'Code société invalide (lettres, chiffres, . _ -).',
  gatewayUrl: 'Adresse invalide (https://… ou un chemin commençant par /).',
  cmiClientId: 'Identifiant marchand CMI invalide (6 à 20 chiffres).',
  cmiStoreKey: 'Clé du magasin invalide (8 à 128 caractères, sans espace).',
  gatewaySecret: 'Secret invalide (16 à 256 caractères, sans espace).',
}
