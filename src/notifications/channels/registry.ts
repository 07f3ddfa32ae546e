// Every notification channel, by the name stored in subscribers.channel and
// notification_jobs.channel (CHANNEL_NAMES in src/domain/vocabulary.ts, which the database
// checks). The queue, the sign-up forms, the console and the delivery log work from this
// list: a new channel is a folder beside these, its line here, its name in CHANNEL_NAMES,
// its words in the catalogues (notifications.channels) and its tests.
import { CHANNEL_NAMES, type ChannelName } from '#src/domain/vocabulary.ts';
import type { Channel } from './channel.ts';
import { discord } from './discord/index.ts';
import { email } from './email/index.ts';
import { slack } from './slack/index.ts';
import { teams } from './teams/index.ts';
import { webhook } from './webhook/index.ts';

export const CHANNELS: Readonly<Record<ChannelName, Channel>> = { email, webhook, teams, slack, discord } as Readonly<Record<ChannelName, Channel>>;

/** The channels a customer registers with a URL and a contact address, in the order the form offers them. */
export const URL_CHANNELS = CHANNEL_NAMES.filter((name) => CHANNELS[name].target === 'url');

export const isChannelName = (name: string): name is ChannelName => (CHANNEL_NAMES as readonly string[]).includes(name);

export function channelNamed(name: string): Channel {
  if (!isChannelName(name)) throw new Error(`no notification channel "${name}"`);
  return CHANNELS[name];
}
