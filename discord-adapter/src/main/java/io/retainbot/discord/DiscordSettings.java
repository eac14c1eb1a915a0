package io.retainbot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Discord adapter's settings, from the environment; {@link #toString()} never shows the token.
 *
 * @param shardIds      the shards this instance runs (all of {@code 0..shardsTotal-1} when empty)
 * @param bulkPerSecond the budget for bulk sends (Discord allows 50 requests a second for the whole bot)
 * @param restBaseUrl   another REST base URL (a proxy, or a local fake in tests)
 * @param gatewayUrl    another gateway URL (a proxy, or a local fake in tests)
 */
public record DiscordSettings(String token, Optional<String> staffChannelId, int shardsTotal, List<Integer> shardIds,
                              double bulkPerSecond, Optional<String> restBaseUrl, Optional<String> gatewayUrl) {
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{15,20}");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*-\\s*(\\d+)");

    public DiscordSettings {
        shardIds = List.copyOf(shardIds);
        check(shardsTotal, shardIds, bulkPerSecond);
    }

    private static void check(int shardsTotal, List<Integer> shardIds, double bulkPerSecond) {
        if (shardsTotal < 1) {
            throw new IllegalArgumentException("DISCORD_SHARDS_TOTAL must be at least 1");
        }
        for (int shard : shardIds) {
            if (shard < 0 || shard >= shardsTotal) {
                throw new IllegalArgumentException("DISCORD_SHARD_IDS must lie between 0 and DISCORD_SHARDS_TOTAL - 1 ("
                        + (shardsTotal - 1) + "), found " + shard);
            }
        }
        if (bulkPerSecond <= 0 || bulkPerSecond > 50) {
            throw new IllegalArgumentException("DISCORD_BULK_PER_SECOND must be above 0 and at most 50 (Discord's "
                    + "limit for a whole bot)");
        }
    }

    /**
     * The settings, or empty when {@code DISCORD_BOT_TOKEN} is not set (the adapter stays off). Every value is
     * checked either way, so a mistyped setting is reported rather than ignored; a staff channel given without the
     * token is reported too, since the operator meant to turn Discord on.
     */
    public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> staff = value(env, "DISCORD_STAFF_CHANNEL_ID");
        if (staff.isPresent() && !SNOWFLAKE.matcher(staff.get()).matches()) {
            throw new IllegalArgumentException("DISCORD_STAFF_CHANNEL_ID must be a channel id (a number of 15 to 20 "
                    + "digits; Developer Mode, right click the channel, Copy Channel ID)");
        }
        int total = value(env, "DISCORD_SHARDS_TOTAL").map(text -> number("DISCORD_SHARDS_TOTAL", text)).orElse(1);
        List<Integer> shards = value(env, "DISCORD_SHARD_IDS").map(DiscordSettings::shardIds).orElse(List.of());
        double bulk = value(env, "DISCORD_BULK_PER_SECOND").map(text -> (double) number("DISCORD_BULK_PER_SECOND", text))
                .orElse(20.0);
        check(total, shards, bulk);
        Optional<String> token = value(env, "DISCORD_BOT_TOKEN");
        if (token.isEmpty()) {
            if (staff.isPresent()) {
                throw new IllegalArgumentException("DISCORD_STAFF_CHANNEL_ID is set but DISCORD_BOT_TOKEN is not: set "
                        + "the bot's token (developer portal, Bot, Reset Token) to turn Discord on, or unset "
                        + "DISCORD_STAFF_CHANNEL_ID");
            }
            return Optional.empty();
        }
        if (token.get().length() < 50 || token.get().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("DISCORD_BOT_TOKEN does not look like a bot token; copy it from the "
                    + "developer portal (Bot, Reset Token)");
        }
        return Optional.of(new DiscordSettings(token.get(), staff, total, shards, bulk, Optional.empty(),
                Optional.empty()));
    }

    public boolean sharded() {
        return shardsTotal > 1 || !shardIds.isEmpty();
    }

    private static List<Integer> shardIds(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher range = RANGE.matcher(part.strip());
            if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                if (to < from || to - from > 10_000) {
                    throw new IllegalArgumentException("DISCORD_SHARD_IDS has an impossible range: " + part.strip());
                }
                for (int id = from; id <= to; id++) {
                    ids.add(id);
                }
            } else {
                ids.add(number("DISCORD_SHARD_IDS", part.strip()));
            }
        }
        return ids;
    }

    private static int number(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a whole number" + (name.equals("DISCORD_SHARD_IDS")
                    ? " list such as 0,1 or 0-3" : "") + ", was \"" + text + "\"");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString() {
        return "DiscordSettings[staffChannelId=" + staffChannelId.orElse(null) + ", shardsTotal=" + shardsTotal
                + ", shardIds=" + shardIds + ", bulkPerSecond=" + bulkPerSecond + "]";
    }
}
