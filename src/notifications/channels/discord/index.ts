// The Discord channel: an embed (./embed.ts) posted to a webhook
// (https://discord.com/api/webhooks/<id>/<token>). Discord answers 404 (Unknown Webhook)
// for a deleted webhook and 401 for a token that is no longer valid: the subscription is
// switched off.
import { chatChannel } from '../chat.ts';
import { discordMessage } from './embed.ts';

export const discord = chatChannel({
  name: 'discord',
  gone: [401, 404],
  checkUrl: (url) => (/^\/api(\/v\d+)?\/webhooks\/\d+\/[\w-]+\/?$/.test(url.pathname) ? null : 'wrong_service'),
  body: (message) => discordMessage(message, new URL(message.link.url).host),
});
