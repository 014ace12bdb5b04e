import type { Modal } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { viewValues } from './parse.ts';
import { renderModal, toMrkdwn } from './render.ts';

const text = { multiline: false, required: true, maxLength: 60 } as const;
const modal: Modal = {
  id: 'event',
  title: 'Event',
  submit: 'Save',
  fields: [
    { id: 'end', label: 'End', hint: 'Type 2027-01-20', ...text, picker: 'date', picked: '2027-01-20' },
    { id: 'at', label: 'At', ...text, picker: 'time', picked: '09:30' },
    { id: 'when', label: 'When', ...text, value: '2026-12-08 17:00 2h', picker: 'datetime', picked: '1796738400' },
    {
      id: 'days',
      label: 'Days',
      ...text,
      picker: 'days',
      picked: 'mon,fri',
      options: [
        { value: 'mon', label: 'Monday' },
        { value: 'wed', label: 'Wednesday' },
        { value: 'fri', label: 'Friday' },
      ],
    },
    { id: 'length', label: 'Length', ...text, required: false, pickerOnly: true },
  ],
};

describe('Slack date and time pickers', () => {
  it('renders picker fields as Slack pickers with their initial values, and no typing hint', () => {
    const blocks = renderModal(modal, 'C1').blocks as { block_id: string; hint?: unknown; element: Record<string, unknown> }[];
    const byId = Object.fromEntries(blocks.map((b) => [b.block_id, b]));
    expect(byId.end?.element).toEqual({ type: 'datepicker', action_id: 'value', initial_date: '2027-01-20' });
    expect(byId.end?.hint).toBeUndefined();
    expect(byId.at?.element).toEqual({ type: 'timepicker', action_id: 'value', initial_time: '09:30' });
    expect(byId.when?.element).toEqual({ type: 'datetimepicker', action_id: 'value', initial_date_time: 1796738400 });
    expect(byId.days?.element).toMatchObject({
      type: 'checkboxes',
      initial_options: [
        { text: { type: 'plain_text', text: 'Monday' }, value: 'mon' },
        { text: { type: 'plain_text', text: 'Friday' }, value: 'fri' },
      ],
    });
    expect(byId.length?.element).toMatchObject({ type: 'plain_text_input' });
  });

  it('reads the pickers’ answers (as Slack sends them in view.state) as exact text', () => {
    const view = {
      state: {
        values: {
          end: { value: { type: 'datepicker', selected_date: '2027-01-20' } },
          at: { value: { type: 'timepicker', selected_time: '09:30' } },
          when: { value: { type: 'datetimepicker', selected_date_time: 1796738400 } },
          days: {
            value: {
              type: 'checkboxes',
              selected_options: [
                { text: { type: 'plain_text', text: 'Monday', emoji: true }, value: 'mon' },
                { text: { type: 'plain_text', text: 'Friday', emoji: true }, value: 'fri' },
              ],
            },
          },
          empty: { value: { type: 'datepicker', selected_date: null } },
          length: { value: { type: 'plain_text_input', value: '90m' } },
        },
      },
    };
    expect(viewValues(view)).toEqual({
      end: '2027-01-20',
      at: '09:30',
      when: '2026-12-08T14:00:00.000Z',
      days: 'mon,fri',
      empty: '',
      length: '90m',
    });
  });

  it('shows a date with its time in the short form for `<t:…:f>`', () => {
    expect(toMrkdwn('Due <t:1796738400:f>')).toBe('Due <!date^1796738400^{date_short_pretty} {time}|2026-12-08 14:00 UTC>');
  });
});
