import { Button, Group, Modal, Stack } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { notifyError } from '../../components/notify'

/**
 * The dialog of a line action (activate, swap, stop): what it asks, then Cancel and the action's
 * button, busy while the request runs. `onConfirm` sends the request and closes on success; an
 * error it throws goes to `onError` (field errors shown at their input) or else to a notification.
 */
export function LineActionDialog({
  title,
  confirmLabel,
  confirmColor,
  cancelFirst = false,
  onClose,
  onConfirm,
  onError,
  children,
}: {
  title: string
  confirmLabel: string
  confirmColor?: string
  /** Focus Cancel on opening (an action that cannot be undone), instead of the first field. */
  cancelFirst?: boolean
  onClose(): void
  onConfirm(): Promise<void>
  /** True when the error was shown at a field. */
  onError?(error: unknown): boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          try {
            await onConfirm()
          } catch (error) {
            if (!onError?.(error)) notifyError(t, error)
          } finally {
            setBusy(false)
          }
        }}
      >
        <Stack gap="sm">
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} {...(cancelFirst ? { 'data-autofocus': true } : {})}>
              {t('fleet.cancel')}
            </Button>
            <Button type="submit" loading={busy} {...(confirmColor ? { color: confirmColor } : {})}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
