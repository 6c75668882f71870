import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type CustomerInput,
  type CustomerKind,
  type CustomerSaved,
  customerInput,
  languages,
} from '../../../../preload/contract'
import { isApiError } from '../../api/call'
import type { Workspace } from '../../app/routes'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifyError, notifyIssues } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { requiredField } from '../../components/requiredField'
import { mapIssues } from '../../lib/fieldErrors'
import { AddressFields } from './AddressFields'
import { CustomerPreviewDrawer } from './CustomerPreviewDrawer'
import {
  type CustomerFormValues,
  type CustomerTitle,
  toCustomerInput,
  toFormPath,
} from './customerFormValues'
import { DuplicateWarning } from './DuplicateWarning'
import { PhoneFields } from './PhoneFields'
import { useDuplicateCheck } from './useDuplicateCheck'

/** The form's state and helpers, handed to the field groups (phones, addresses). */
export type CustomerFormApi = UseFormReturnType<CustomerFormValues>

interface Props {
  workspace: Workspace
  title: string
  initial: CustomerFormValues
  /** The customer being edited: it is not its own duplicate. */
  customerId?: string
  /** Where the customer sits in the channel's input (`customer.` for an update): stripped from error paths. */
  issuePrefix?: string
  save(input: CustomerInput): Promise<CustomerSaved>
  onSaved(saved: CustomerSaved): void
  onCancel(): void
  /** Offered when main answers CONFLICT: reload the record and start again. */
  onReload?(): void
}

const blurValidated = [
  'email',
  'identifiers.siren',
  'identifiers.siret',
  'identifiers.ice',
  'identifiers.vatNumber',
] as const

function validate(values: CustomerFormValues) {
  const { input, phoneRows } = toCustomerInput(values)
  return toFormErrors(validateWith(customerInput, input, (path) => toFormPath(path, phoneRows)).fields)
}

/**
 * Create or edit a customer. Validated here with the contract's own schema (the one main applies
 * again), and main's field errors land under the same fields.
 */
export function CustomerForm({
  workspace,
  title,
  initial,
  customerId,
  issuePrefix = '',
  save,
  onSaved,
  onCancel,
  onReload,
}: Props) {
  const { t } = useTranslation()
  const formId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const [saving, setSaving] = useState(false)
  const [conflict, setConflict] = useState(false)
  const [preview, setPreview] = useState<string | null>(null)
  const duplicates = useDuplicateCheck()
  const form = useForm<CustomerFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate,
    validateInputOnBlur: [...blurValidated],
  })
  const values = form.values
  const person = values.kind === 'person'

  const focusFirstError = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())

  const checkDuplicates = () => {
    const v = form.getValues()
    const email = v.email.trim()
    const country = v.address.country.trim().toUpperCase()
    void duplicates.check({
      ...(email && email.length <= 254 ? { email } : {}),
      phones: v.phones.map((p) => p.number.trim()).filter((n) => n !== '' && n.length <= 30),
      country: /^[A-Z]{2}$/.test(country) ? country : 'FR',
      ...(customerId ? { excludeId: customerId } : {}),
    })
  }

  const submit = async (v: CustomerFormValues) => {
    const { input, phoneRows } = toCustomerInput(v)
    setSaving(true)
    setConflict(false)
    try {
      onSaved(await save(input))
    } catch (error) {
      if (!isApiError(error)) {
        notifyError(t, error, t('customerForm.saveFailed'))
      } else if (error.code === 'VALIDATION') {
        const issues = error.fields.map((issue) => ({
          ...issue,
          path: issue.path.startsWith(issuePrefix) ? issue.path.slice(issuePrefix.length) : issue.path,
        }))
        const mapped = mapIssues(issues, (path) => toFormPath(path, phoneRows))
        form.setErrors(toFormErrors(mapped.fields))
        notifyIssues(t, mapped.others, t('customerForm.saveFailed'))
        focusFirstError()
      } else if (error.code === 'CONFLICT') {
        setConflict(true)
      } else if (error.code !== 'LOCKED' && error.code !== 'UNAUTHENTICATED') {
        // LOCKED and UNAUTHENTICATED have their own screens; the form stays as typed underneath.
        notifyError(t, error, t('customerForm.saveFailed'))
      }
    } finally {
      setSaving(false)
    }
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLFormElement>) => {
    // Enter submits from a text field natively; Ctrl+Enter also does from the notes.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      formRef.current?.requestSubmit()
    }
  }

  const titleOptions = (['none', 'mr', 'mrs'] as const).map((value) => ({
    value,
    label: t(`customerTitle.${value}`),
  }))
  const languageOptions = languages.map((value) => ({ value, label: t(`customerLanguage.${value}`) }))

  const actions = (
    <>
      <Button variant="default" onClick={onCancel}>
        {t('customerForm.cancel')}
      </Button>
      <Button type="submit" form={formId} loading={saving} leftSection={<IconDeviceFloppy size={16} />}>
        {t('customerForm.save')}
      </Button>
    </>
  )

  return (
    <>
      <PageHeader title={title} actions={actions} />
      <form
        id={formId}
        ref={formRef}
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={form.onSubmit((v) => void submit(v), focusFirstError)}
      >
        <Stack gap="md" maw={1280}>
          {conflict && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle size={18} />}
              title={t('customerForm.conflictTitle')}
              role="alert"
            >
              <Text size="sm" mb={onReload ? 'xs' : 0}>
                {t('errors.CONFLICT')}
              </Text>
              {onReload && (
                <Button size="xs" variant="light" color="red" onClick={onReload}>
                  {t('customerForm.conflictReload')}
                </Button>
              )}
            </Alert>
          )}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="md">
                <Fieldset legend={t('customerForm.sections.identity')} variant="default">
                  <Stack gap="sm">
                    <div>
                      <Text id={`${formId}-kind`} size="sm" fw={500} mb={4}>
                        {t('customerForm.fields.kind')}
                      </Text>
                      <SegmentedControl<CustomerKind>
                        aria-labelledby={`${formId}-kind`}
                        data={[
                          { value: 'person', label: t('customerKind.person') },
                          { value: 'company', label: t('customerKind.company') },
                        ]}
                        value={values.kind}
                        onChange={(kind) => {
                          form.setFieldValue('kind', kind)
                          form.clearErrors()
                        }}
                      />
                    </div>
                    {person ? (
                      <Group gap="sm" align="flex-start" wrap="nowrap" grow preventGrowOverflow={false}>
                        <Select
                          label={t('customerForm.fields.title')}
                          data={titleOptions}
                          allowDeselect={false}
                          maw={110}
                          {...form.getInputProps('title')}
                          onChange={(value) =>
                            form.setFieldValue('title', (value ?? 'none') as CustomerTitle)
                          }
                        />
                        <TextInput
                          label={t('customerForm.fields.firstName')}
                          autoComplete="off"
                          data-autofocus
                          autoFocus
                          {...form.getInputProps('firstName')}
                        />
                        <TextInput
                          label={t('customerForm.fields.lastName')}
                          autoComplete="off"
                          {...requiredField}
                          {...form.getInputProps('lastName')}
                        />
                      </Group>
                    ) : (
                      <TextInput
                        label={t('customerForm.fields.companyName')}
                        autoComplete="off"
                        {...requiredField}
                        autoFocus
                        {...form.getInputProps('companyName')}
                      />
                    )}
                  </Stack>
                </Fieldset>
                <Fieldset legend={t('customerForm.sections.contact')}>
                  <Stack gap="sm">
                    <Group gap="sm" align="flex-start" grow preventGrowOverflow={false} wrap="nowrap">
                      <TextInput
                        label={t('customerForm.fields.email')}
                        type="email"
                        autoComplete="off"
                        {...form.getInputProps('email')}
                        onBlur={(event) => {
                          form.getInputProps('email').onBlur?.(event)
                          checkDuplicates()
                        }}
                      />
                      <Select
                        label={t('customerForm.fields.language')}
                        data={languageOptions}
                        allowDeselect={false}
                        maw={200}
                        {...form.getInputProps('language')}
                      />
                    </Group>
                    <PhoneFields form={form} onNumberBlur={checkDuplicates} />
                    <DuplicateWarning hints={duplicates.hints} onOpen={setPreview} />
                  </Stack>
                </Fieldset>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="md">
                <Fieldset legend={t('customerForm.sections.address')}>
                  <AddressFields form={form} path="address" />
                  <Checkbox
                    mt="sm"
                    label={t('customerForm.fields.hasBillingAddress')}
                    {...form.getInputProps('hasBillingAddress', { type: 'checkbox' })}
                  />
                  {values.hasBillingAddress && (
                    <Stack mt="sm" gap="sm">
                      <AddressFields form={form} path="billingAddress" />
                    </Stack>
                  )}
                </Fieldset>
                <Fieldset legend={t('customerForm.sections.identifiers')}>
                  <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                    <TextInput
                      label={t('customerForm.fields.siren')}
                      {...form.getInputProps('identifiers.siren')}
                    />
                    <TextInput
                      label={t('customerForm.fields.siret')}
                      {...form.getInputProps('identifiers.siret')}
                    />
                    <TextInput
                      label={t('customerForm.fields.ice')}
                      {...form.getInputProps('identifiers.ice')}
                    />
                    <TextInput
                      label={t('customerForm.fields.vatNumber')}
                      {...form.getInputProps('identifiers.vatNumber')}
                    />
                  </SimpleGrid>
                </Fieldset>
              </Stack>
            </Grid.Col>
          </Grid>
          <Textarea
            label={t('customerForm.fields.notes')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('notes')}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('customerForm.saveHint')}
            </Text>
            <Group gap="xs">{actions}</Group>
          </Group>
        </Stack>
      </form>
      <CustomerPreviewDrawer id={preview} workspace={workspace} onClose={() => setPreview(null)} />
    </>
  )
}
