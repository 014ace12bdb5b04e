import type { Modal } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { renderModal } from './render.ts';

describe('Discord date fields', () => {
  it('keeps picker fields as text inputs and leaves out what only a picker needs', () => {
    const modal: Modal = {
      id: 'event',
      title: 'Event',
      submit: 'Save',
      fields: [
        {
          id: 'when',
          label: 'When',
          value: '2026-12-08 17:00 2h',
          multiline: false,
          required: true,
          maxLength: 60,
          picker: 'datetime',
          picked: '1796738400',
        },
        { id: 'length', label: 'Length', multiline: false, required: false, maxLength: 10, pickerOnly: true },
        {
          id: 'days',
          label: 'Days',
          multiline: false,
          required: true,
          maxLength: 60,
          picker: 'days',
          options: [{ value: 'mon', label: 'Monday' }],
        },
      ],
    };
    const data = (renderModal(modal) as unknown as { data: { components: { component: Record<string, unknown> }[] } }).data;
    expect(data.components).toHaveLength(2);
    expect(data.components[0]?.component).toMatchObject({ type: 4, custom_id: 'when', value: '2026-12-08 17:00 2h' });
    expect(data.components[1]?.component).toMatchObject({ type: 4, custom_id: 'days' });
  });
});
