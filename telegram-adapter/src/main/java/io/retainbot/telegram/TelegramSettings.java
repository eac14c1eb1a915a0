package io.retainbot.telegram;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Telegram adapter's settings, from the environment. {@link #toString()} never shows the token
 * or the webhook secret.
 *
 * @param apiUrl        the Bot API server: the public one, or a self-hosted one
 * @param staffChatId   the group where staff are pinged and may act, if any
 * @param bulkPerSecond the budget for bulk sends across chats (30 by default; up to 1000 with paid broadcasts)
 */
public record TelegramSettings(String token, URI apiUrl, Mode mode, Optional<URI> webhookUrl,
                               Optional<String> webhookSecret, Optional<String> staffChatId, double bulkPerSecond,
                               boolean paidBroadcast) {
    public static final URI PUBLIC_API = URI.create("https://api.telegram.org");
    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,20}");

    /** Polling asks Telegram for updates; webhook lets Telegram post them to us. */
    public enum Mode {
        POLLING,
        WEBHOOK
    }

    public TelegramSettings {
        Objects.requireNonNull(token, "TELEGRAM_BOT_TOKEN");
        Objects.requireNonNull(apiUrl, "TELEGRAM_API_URL");
        Objects.requireNonNull(mode, "TELEGRAM_MODE");
        Objects.requireNonNull(webhookUrl, "TELEGRAM_WEBHOOK_URL");
        Objects.requireNonNull(webhookSecret, "TELEGRAM_WEBHOOK_SECRET");
        Objects.requireNonNull(staffChatId, "TELEGRAM_STAFF_CHAT_ID");
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN does not look like a bot token (123456:ABC...); "
                    + "copy it from @BotFather");
        }
        if (staffChatId.isPresent() && !CHAT_ID.matcher(staffChatId.get()).matches()) {
            throw new IllegalArgumentException("TELEGRAM_STAFF_CHAT_ID must be a numeric chat id such as -1001234567890");
        }
        if (webhookSecret.isPresent() && !SECRET.matcher(webhookSecret.get()).matches()) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be 16 to 256 of A-Z, a-z, 0-9, '_' and '-'");
        }
        if (mode == Mode.WEBHOOK && (webhookUrl.isEmpty() || webhookSecret.isEmpty())) {
            throw new IllegalArgumentException("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL (the public https URL "
                    + "of /telegram/webhook) and TELEGRAM_WEBHOOK_SECRET");
        }
        checkBulk(bulkPerSecond, paidBroadcast);
    }

    private static void checkBulk(double bulkPerSecond, boolean paidBroadcast) {
        if (bulkPerSecond <= 0 || bulkPerSecond > (paidBroadcast ? 1000 : 30)) {
            throw new IllegalArgumentException("TELEGRAM_BULK_PER_SECOND must be above 0 and at most "
                    + (paidBroadcast ? "1000 (paid broadcasts)" : "30 (set TELEGRAM_PAID_BROADCAST=true for up to 1000)"));
        }
    }

    /**
     * The settings, or empty when {@code TELEGRAM_BOT_TOKEN} is not set (the adapter stays off). Every value is
     * checked either way, so a mistyped setting is reported rather than ignored; and a setting that only means
     * something with a bot (the staff group, the webhook) given without the token is reported too, since the
     * operator meant to turn Telegram on.
     */
    public static Optional<TelegramSettings> fromEnvironment(Map<String, String> env) {
        URI apiUrl = value(env, "TELEGRAM_API_URL").map(url -> httpUrl("TELEGRAM_API_URL", url)).orElse(PUBLIC_API);
        Mode mode = value(env, "TELEGRAM_MODE").map(TelegramSettings::mode).orElse(Mode.POLLING);
        Optional<URI> webhookUrl = value(env, "TELEGRAM_WEBHOOK_URL").map(url -> httpUrl("TELEGRAM_WEBHOOK_URL", url));
        Optional<String> staffChat = value(env, "TELEGRAM_STAFF_CHAT_ID");
        boolean paid = value(env, "TELEGRAM_PAID_BROADCAST").map(TelegramSettings::flag).orElse(false);
        double bulk = value(env, "TELEGRAM_BULK_PER_SECOND").map(TelegramSettings::rate).orElse(30.0);
        checkBulk(bulk, paid);
        Optional<String> token = value(env, "TELEGRAM_BOT_TOKEN");
        if (token.isEmpty()) {
            Optional<String> meantForABot = Stream.of("TELEGRAM_STAFF_CHAT_ID", "TELEGRAM_WEBHOOK_URL",
                    "TELEGRAM_WEBHOOK_SECRET").filter(name -> value(env, name).isPresent()).findFirst()
                    .or(() -> Optional.of("TELEGRAM_MODE=webhook").filter(setting -> mode == Mode.WEBHOOK));
            meantForABot.ifPresent(setting -> {
                throw new IllegalArgumentException(setting + " is set but TELEGRAM_BOT_TOKEN is not: set the bot's "
                        + "token (from @BotFather) to turn Telegram on, or unset " + setting.split("=")[0]);
            });
            return Optional.empty();
        }
        return Optional.of(new TelegramSettings(token.get(), apiUrl, mode, webhookUrl,
                value(env, "TELEGRAM_WEBHOOK_SECRET"), staffChat, bulk, paid));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static URI httpUrl(String name, String value) {
        try {
            URI uri = URI.create(value);
            if ((uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException | NullPointerException malformed) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an http(s) URL such as https://api.telegram.org, was \""
                + value + "\"");
    }

    private static Mode mode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "polling" -> Mode.POLLING;
            case "webhook" -> Mode.WEBHOOK;
            default -> throw new IllegalArgumentException("TELEGRAM_MODE must be polling or webhook, was \"" + value + "\"");
        };
    }

    private static boolean flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("TELEGRAM_PAID_BROADCAST must be true or false, was \""
                    + value + "\"");
        };
    }

    private static double rate(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("TELEGRAM_BULK_PER_SECOND must be a number of messages per second, was \""
                    + value + "\"");
        }
    }

    @Override
    public String toString() {
        return "TelegramSettings[apiUrl=" + apiUrl + ", mode=" + mode + ", webhookUrl=" + webhookUrl.orElse(null)
                + ", staffChatId=" + staffChatId.orElse(null) + ", bulkPerSecond=" + bulkPerSecond + "]";
    }
}
