/**
 * The few Discord API numbers we use. `discord-api-types` describes them as enums whose runtime
 * module costs ~17 ms at cold start, so the request path imports its types only and these values.
 */
export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const;
export const InteractionResponseType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;
export const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3, TextInput: 4, UserSelect: 5, Label: 18 } as const;
export const ButtonStyle = { Primary: 1, Secondary: 2 } as const;
export const TextInputStyle = { Short: 1, Paragraph: 2 } as const;
export const MessageFlags = { Ephemeral: 64 } as const;
export const ApplicationCommandType = { ChatInput: 1 } as const;
export const ApplicationCommandOptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6 } as const;
export const InteractionContextType = { Guild: 0 } as const;
