package io.retainbot.app.config;

import io.retainbot.discord.DiscordSettings;
import io.retainbot.telegram.TelegramSettings;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings read from the environment. Secrets (database password, admin token) come only
 * from here and never appear in {@link #toString()}.
 *
 * @param databaseUrl      a JDBC URL of an external PostgreSQL; empty to run the embedded one
 * @param dataDir          where the embedded PostgreSQL keeps its data
 * @param adminToken       the REST API's bearer token; empty to generate one on first start
 * @param metricsToken     the bearer token {@code /metrics} asks for; empty: metrics only to this machine
 * @param businessConfig   the YAML business file; empty for the built-in demo business
 * @param webChat          who may embed the web chat, and whether a reverse proxy names the client
 * @param schedule         scheduler polling, survey delay, waiting for busy customers, retention
 * @param staffDesk        how customers get a responsible staff member
 * @param staffLanguage    the language of the staff chats' pings and answers (en, ko or tl)
 * @param outreach         the pace of marketing: frequency cap and quiet hours
 */
public record AppConfig(Optional<String> databaseUrl, String databaseUser, String databasePassword, Path dataDir,
                        int httpPort, Optional<String> adminToken, Optional<Path> businessConfig,
                        Optional<TelegramSettings> telegram, Optional<DiscordSettings> discord,
                        WebChatSettings webChat, ScheduleSettings schedule, StaffDeskSettings staffDesk,
                        String staffLanguage, OutreachSettings outreach, Optional<String> metricsToken) {
    /** The languages the built-in catalog speaks, for STAFF_LANGUAGE. */
    private static final java.util.List<String> STAFF_LANGUAGES = java.util.List.of("en", "ko", "tl");
    /** The levels logback understands in logback.xml's {@code ${LOG_LEVEL:-INFO}}. */
    private static final java.util.List<String> LOG_LEVELS = java.util.List.of("ERROR", "WARN", "INFO", "DEBUG",
            "TRACE", "ALL", "OFF");
    public static final int DEFAULT_HTTP_PORT = 8080;
    private static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:postgresql://[^/?#\\s]+(/[^?#\\s]*)?(\\?\\S*)?");
    private static final int MIN_TOKEN = 16;

    public static AppConfig fromEnvironment(Map<String, String> env) {
        Optional<String> databaseUrl = value(env, "DATABASE_URL").map(AppConfig::jdbcUrl);
        String user = value(env, "DATABASE_USER").orElse("postgres");
        String password = value(env, "DATABASE_PASSWORD").orElse("");
        Path dataDir = path("DATA_DIR", value(env, "DATA_DIR").orElse("./data"));
        int port = value(env, "HTTP_PORT").map(AppConfig::port).orElse(DEFAULT_HTTP_PORT);
        Optional<String> adminToken = value(env, "ADMIN_TOKEN")
                .map(token -> bearerToken("ADMIN_TOKEN", token, "unset it to have one generated"));
        Optional<Path> business = value(env, "BUSINESS_CONFIG").map(file -> path("BUSINESS_CONFIG", file));
        Optional<TelegramSettings> telegram = adapterSettings(() -> TelegramSettings.fromEnvironment(env));
        Optional<DiscordSettings> discord = adapterSettings(() -> DiscordSettings.fromEnvironment(env));
        WebChatSettings webChat = WebChatSettings.fromEnvironment(env);
        ScheduleSettings schedule = ScheduleSettings.fromEnvironment(env);
        OutreachSettings outreach = OutreachSettings.fromEnvironment(env);
        StaffDeskSettings staffDesk = StaffDeskSettings.fromEnvironment(env);
        String staffLanguage = value(env, "STAFF_LANGUAGE").map(AppConfig::staffLanguage).orElse("en");
        value(env, "LOG_LEVEL").ifPresent(AppConfig::checkLogLevel);
        Optional<String> metricsToken = value(env, "METRICS_TOKEN")
                .map(token -> bearerToken("METRICS_TOKEN", token, "unset it to serve /metrics only to this machine"));
        return new AppConfig(databaseUrl, user, password, dataDir, port, adminToken, business, telegram, discord,
                webChat, schedule, staffDesk, staffLanguage, outreach, metricsToken);
    }

    private static String staffLanguage(String value) {
        String language = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!STAFF_LANGUAGES.contains(language)) {
            throw new ConfigException("STAFF_LANGUAGE must be one of " + String.join(", ", STAFF_LANGUAGES)
                    + " (the language of the staff chats), was \"" + value + "\"");
        }
        return language;
    }

    /**
     * Logback reads LOG_LEVEL itself (logback.xml) and takes a word it does not know for DEBUG without a word, so the
     * value is checked here, where a bad setting stops the start with one line.
     */
    private static void checkLogLevel(String value) {
        if (!LOG_LEVELS.contains(value.toUpperCase(java.util.Locale.ROOT))) {
            throw new ConfigException("LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS)
                    + " (INFO when unset), was \"" + value + "\"");
        }
    }

    /** An adapter's own validation names its variable; here it becomes a configuration error. */
    private static <T> Optional<T> adapterSettings(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException(invalid.getMessage(), invalid);
        }
    }

    public boolean embeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String jdbcUrl(String url) {
        String candidate = url.startsWith("postgres://") || url.startsWith("postgresql://")
                ? "jdbc:postgresql://" + url.substring(url.indexOf("://") + 3)
                : url;
        if (candidate.contains("@") || candidate.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*")) {
            throw new ConfigException("DATABASE_URL must not carry a user or password: give the JDBC form "
                    + "jdbc:postgresql://host:5432/db and set DATABASE_USER and DATABASE_PASSWORD");
        }
        if (!JDBC_POSTGRES.matcher(candidate).matches()) {
            throw new ConfigException("DATABASE_URL is not a PostgreSQL JDBC URL: expected jdbc:postgresql://host:5432/db, "
                    + "or leave it unset to use the embedded database");
        }
        try {
            URI.create(candidate.substring("jdbc:".length()));
        } catch (IllegalArgumentException malformed) {
            throw new ConfigException("DATABASE_URL is malformed (" + malformed.getMessage()
                    + "): expected jdbc:postgresql://host:5432/db");
        }
        return candidate;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConfigException("HTTP_PORT must be a port number from 1 to 65535, was \"" + value + "\"");
    }

    private static String bearerToken(String name, String token, String whenUnset) {
        if (token.length() < MIN_TOKEN || token.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(name + " must be at least " + MIN_TOKEN + " characters without spaces; "
                    + whenUnset);
        }
        return token;
    }

    private static Path path(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException invalid) {
            throw new ConfigException(name + " is not a usable path: " + invalid.getMessage());
        }
    }

    @Override
    public String toString() {
        return "AppConfig[database=" + databaseUrl.orElse("embedded in " + dataDir) + ", databaseUser=" + databaseUser
                + ", httpPort=" + httpPort + ", adminToken=" + (adminToken.isPresent() ? "(set)" : "(generated)")
                + ", metricsToken=" + (metricsToken.isPresent() ? "(set)" : "(unset: this machine only)")
                + ", businessConfig=" + businessConfig.map(Path::toString).orElse("(built-in demo)")
                + ", telegram=" + telegram.map(TelegramSettings::toString).orElse("off")
                + ", discord=" + discord.map(DiscordSettings::toString).orElse("off") + ", webChat=" + webChat + ", schedule=" + schedule + ", staffDesk=" + staffDesk
                + ", outreach=" + outreach + "]";
    }
}
