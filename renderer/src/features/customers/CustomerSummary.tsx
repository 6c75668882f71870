import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { Address, Customer } from '../../../../preload/contract'
import { countryName, formatDateTime, formatPhone } from '../../lib/format'

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

/** Label/value pairs; empty values show a dash so that every field has its place. */
function Fields({ rows }: { rows: [string, React.ReactNode][] }) {
  const { t } = useTranslation()
  return (
    <dl className="g-fields">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? t('customerDetail.none') : value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

function AddressLines({ address }: { address: Address }) {
  const { i18n } = useTranslation()
  return (
    <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
      {address.street}
      <br />
      {address.postalCode} {address.city}
      <br />
      {countryName(address.country, i18n.language)}
    </Text>
  )
}

/** Every field of a customer, read-only: the detail screen and the duplicate preview share it. */
export function CustomerSummary({ customer: c, narrow }: { customer: Customer; narrow?: boolean }) {
  const { t, i18n } = useTranslation()
  const person = c.kind === 'person'
  const identity: [string, React.ReactNode][] = [
    [t('customerDetail.fields.customerNumber'), c.customerNumber],
    [t('customerDetail.fields.kind'), t(`customerKind.${c.kind}`)],
    ...(person
      ? ([
          [
            t('customerDetail.fields.title'),
            c.title && c.title !== 'none' ? t(`customerTitle.${c.title}`) : null,
          ],
          [t('customerDetail.fields.firstName'), c.firstName],
          [t('customerDetail.fields.lastName'), c.lastName],
        ] as [string, React.ReactNode][])
      : ([[t('customerDetail.fields.companyName'), c.companyName]] as [string, React.ReactNode][])),
    [t('customerDetail.fields.language'), t(`customerLanguage.${c.language}`)],
    [t('customerDetail.fields.createdAt'), formatDateTime(c.createdAt, i18n.language)],
    [t('customerDetail.fields.updatedAt'), formatDateTime(c.updatedAt, i18n.language)],
  ]
  const phones =
    c.phones.length === 0 ? null : (
      <Group gap={4} component="span" wrap="wrap">
        {c.phones.map((p) => (
          <Group key={p.number} gap={6} component="span" wrap="nowrap" mr="sm">
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatPhone(p.number)}</span>
            <Badge size="xs" variant="light" color="gray">
              {t(`phoneType.${p.type}`)}
            </Badge>
          </Group>
        ))}
      </Group>
    )
  const identifiers: [string, React.ReactNode][] = [
    [t('customerForm.fields.siren'), c.identifiers.siren],
    [t('customerForm.fields.siret'), c.identifiers.siret],
    [t('customerForm.fields.ice'), c.identifiers.ice],
    [t('customerForm.fields.vatNumber'), c.identifiers.vatNumber],
  ]

  return (
    <SimpleGrid cols={narrow ? 1 : { base: 1, md: 2, xl: 3 }} spacing="md">
      <Section title={t('customerDetail.sections.identity')}>
        <Fields rows={identity} />
      </Section>
      <Section title={t('customerDetail.sections.contact')}>
        <Fields
          rows={[
            [t('customerDetail.fields.email'), c.email],
            [t('customerDetail.fields.phones'), phones],
          ]}
        />
      </Section>
      <Section title={t('customerDetail.sections.address')}>
        <AddressLines address={c.address} />
      </Section>
      <Section title={t('customerDetail.sections.billingAddress')}>
        {c.billingAddress ? (
          <AddressLines address={c.billingAddress} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('customerDetail.sameAsAddress')}
          </Text>
        )}
      </Section>
      <Section title={t('customerDetail.sections.identifiers')}>
        <Fields rows={identifiers} />
      </Section>
      <Section title={t('customerDetail.sections.notes')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={c.notes ? undefined : 'dimmed'}>
          {c.notes || t('customerDetail.none')}
        </Text>
      </Section>
    </SimpleGrid>
  )
}
