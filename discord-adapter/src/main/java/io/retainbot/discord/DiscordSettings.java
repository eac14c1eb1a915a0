package io.retainbot.discord;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Discord adapter's settings, from the environment. {@link #toString()} never shows the token.
 *
 * @param token          the bot token from the developer portal (Bot page)
 * @param staffChannelId the guild text channel where staff are pinged and complaint threads open, if any
 * @param shardsTotal    how many shards the whole bot runs with (1: no sharding)
 * @param shardIds       the shards this instance runs; empty for all of {@code 0..shardsTotal-1}
 * @param bulkPerSecond  the budget for bulk sends across chats (Discord allows 50 requests a second per bot,
 *                       and a DM send may cost two: opening the DM channel, then the message)
 * @param restBaseUrl    tests only: a local fake of Discord's REST API (ends with a slash)
 * @param gatewayUrl     tests only: a local fake of Discord's gateway WebSocket
 */
public record DiscordSettings(String token, Optional<Long> staffChannelId, int shardsTotal, List<Integer> shardIds,
                              double bulkPerSecond, Optional<URI> restBaseUrl, Optional<URI> gatewayUrl) {
    public static final double MAX_BULK_PER_SECOND = 40;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{10,}");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,4})\\s*-\\s*(\\d{1,4})");

    public DiscordSettings {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("DISCORD_BOT_TOKEN does not look like a bot token (three parts joined by "
                    + "dots, without a \"Bot \" prefix); copy it from the Bot page of the Discord developer portal");
        }
        Objects.requireNonNull(staffChannelId, "staffChannelId");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        if (shardsTotal < 1) {
            throw new IllegalArgumentException("DISCORD_SHARDS_TOTAL must be at least 1, was " + shardsTotal);
        }
        shardIds = List.copyOf(new TreeSet<>(shardIds));
        for (int shard : shardIds) {
            if (shard < 0 || shard >= shardsTotal) {
                throw new IllegalArgumentException("DISCORD_SHARD_IDS names shard " + shard + ", but shards are numbered 0 to "
                        + (shardsTotal - 1) + " (DISCORD_SHARDS_TOTAL=" + shardsTotal + ")");
            }
        }
        if (!(bulkPerSecond > 0) || bulkPerSecond > MAX_BULK_PER_SECOND) {
            throw new IllegalArgumentException("DISCORD_BULK_PER_SECOND must be above 0 and at most " + MAX_BULK_PER_SECOND
                    + " (Discord allows 50 requests a second per bot; replies need the rest), was " + bulkPerSecond);
        }
    }

    /** The settings, or empty when {@code DISCORD_BOT_TOKEN} is not set (the adapter stays off). */
    public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> token = value(env, "DISCORD_BOT_TOKEN");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> staffChannel = value(env, "DISCORD_STAFF_CHANNEL_ID").map(DiscordSettings::channelId);
        int total = value(env, "DISCORD_SHARDS_TOTAL").map(DiscordSettings::shardsTotal).orElse(1);
        List<Integer> shards = value(env, "DISCORD_SHARD_IDS").map(DiscordSettings::shardIds).orElse(List.of());
        double bulk = value(env, "DISCORD_BULK_PER_SECOND").map(DiscordSettings::rate).orElse(20.0);
        return Optional.of(new DiscordSettings(token.get(), staffChannel, total, shards, bulk, Optional.empty(),
                Optional.empty()));
    }

    /** The same settings talking to local fakes of Discord's REST API and gateway (tests only). */
    DiscordSettings withEndpoints(URI rest, URI gateway) {
        return new DiscordSettings(token, staffChannelId, shardsTotal, shardIds, bulkPerSecond, Optional.of(rest),
                Optional.of(gateway));
    }

    DiscordSettings withStaffChannel(long channelId) {
        return new DiscordSettings(token, Optional.of(channelId), shardsTotal, shardIds, bulkPerSecond, restBaseUrl,
                gatewayUrl);
    }

    /** Whether this instance runs through a shard manager rather than one plain connection. */
    public boolean sharded() {
        return shardsTotal > 1 || !shardIds.isEmpty();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static long channelId(String value) {
        if (!SNOWFLAKE.matcher(value).matches()) {
            throw new IllegalArgumentException("DISCORD_STAFF_CHANNEL_ID must be a channel id (digits only; in Discord "
                    + "turn on Developer Mode, right-click the channel, Copy Channel ID), was \"" + value + "\"");
        }
        return Long.parseUnsignedLong(value);
    }

    private static int shardsTotal(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("DISCORD_SHARDS_TOTAL must be a whole number such as 4, was \"" + value + "\"");
        }
    }

    private static List<Integer> shardIds(String value) {
        List<Integer> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            String item = part.strip();
            Matcher range = RANGE.matcher(item);
            if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                if (from > to) {
                    throw new IllegalArgumentException("DISCORD_SHARD_IDS has a backwards range \"" + item + "\"");
                }
                for (int shard = from; shard <= to; shard++) {
                    ids.add(shard);
                }
            } else if (item.matches("\\d{1,4}")) {
                ids.add(Integer.parseInt(item));
            } else {
                throw new IllegalArgumentException("DISCORD_SHARD_IDS must list shard numbers and ranges such as \"0,1\" "
                        + "or \"0-3\", was \"" + value + "\"");
            }
        }
        return ids;
    }

    private static double rate(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("DISCORD_BULK_PER_SECOND must be a number of messages per second, was \""
                    + value + "\"");
        }
    }

    @Override
    public String toString() {
        return "DiscordSettings[staffChannelId=" + staffChannelId.orElse(null) + ", shardsTotal=" + shardsTotal
                + ", shardIds=" + shardIds + ", bulkPerSecond=" + bulkPerSecond
                + restBaseUrl.map(url -> ", restBaseUrl=" + url).orElse("")
                + gatewayUrl.map(url -> ", gatewayUrl=" + url).orElse("") + "]";
    }
}
