import { WebClient, type WebClientOptions } from '@slack/web-api';

/** Web API clients made on first use and kept, one per bot token and API base (the playground's sandbox has its own). */
export function webClients(options: Omit<WebClientOptions, 'slackApiUrl'>): (token: string, apiUrl: string) => WebClient {
  const made = new Map<string, WebClient>();
  return (token, apiUrl) => {
    const key = `${token} ${apiUrl}`;
    let client = made.get(key);
    if (!client) {
      client = new WebClient(token, { ...options, slackApiUrl: apiUrl });
      made.set(key, client);
    }
    return client;
  };
}
