/** Props of a required Mantine input: `required` for assistive technology, our own asterisk (see styles.css). */
export const requiredField = {
  required: true,
  withAsterisk: false,
  classNames: { label: 'g-required' },
} as const
