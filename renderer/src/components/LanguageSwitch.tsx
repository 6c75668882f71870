import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isUiLanguage, setLanguage, type UiLanguage } from '../i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const value: UiLanguage = isUiLanguage(i18n.language) ? i18n.language : 'fr'
  return (
    <SegmentedControl<UiLanguage>
      size="xs"
      aria-label={t('header.language')}
      value={value}
      onChange={(language) => void setLanguage(language)}
      data={[
        { value: 'fr', label: 'FR' },
        { value: 'en', label: 'EN' },
      ]}
    />
  )
}
