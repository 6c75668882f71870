/**
 * i18next set up with French by default and English second. The chosen language is kept per
 * machine (localStorage) because one desk is used by one team all day.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { fr, type Messages } from './fr'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

export const uiLanguages = ['fr', 'en'] as const
export type UiLanguage = (typeof uiLanguages)[number]

const STORAGE_KEY = 'guichet.language'

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value)
}

function storedLanguage(): UiLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isUiLanguage(value) ? value : 'fr'
  } catch {
    return 'fr'
  }
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'fr'
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  await i18n.changeLanguage(language)
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode or a full disk: the language then lasts for this session only.
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'fr',
  supportedLngs: [...uiLanguages],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})
document.documentElement.lang = i18n.language

export default i18n
