package io.retainbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    @Test
    void runsEmbeddedOnPort8080WithNothingSet() {
        AppConfig config = AppConfig.fromEnvironment(Map.of());

        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.businessConfig()).isEmpty();
    }

    @Test
    void readsAnExternalDatabaseAndEverySetting() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.internal:5432/retainbot?sslmode=require",
                "DATABASE_USER", "bot", "DATABASE_PASSWORD", "s3cret-password", "DATA_DIR", "/var/lib/retainbot",
                "HTTP_PORT", "9090", "ADMIN_TOKEN", "a-long-enough-admin-token", "BUSINESS_CONFIG", "/etc/shop.yml"));

        assertThat(config.databaseUrl()).contains("jdbc:postgresql://db.internal:5432/retainbot?sslmode=require");
        assertThat(config.databaseUser()).isEqualTo("bot");
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.businessConfig()).contains(Path.of("/etc/shop.yml"));
    }

    @Test
    void acceptsThePostgresUrlFormWithoutCredentials() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgresql://db:5432/retainbot"));

        assertThat(config.databaseUrl()).contains("jdbc:postgresql://db:5432/retainbot");
    }

    @Test
    void namesTheSettingWhenTheDatabaseUrlIsMalformed() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "mysql://localhost/shop")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL is not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://user:pw@db/shop")))
                .hasMessageContaining("DATABASE_USER and DATABASE_PASSWORD");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL",
                "jdbc:postgresql://db/shop?user=bot&password=s3cret")))
                .hasMessageContaining("DATABASE_USER and DATABASE_PASSWORD")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void namesTheSettingWhenTheLogLevelIsUnknown() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("LOG_LEVEL", "LOUD")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("LOG_LEVEL must be one of ERROR, WARN, INFO, DEBUG, TRACE, ALL, OFF (INFO when unset), "
                        + "was \"LOUD\"");
        assertThat(AppConfig.fromEnvironment(Map.of("LOG_LEVEL", "debug"))).isNotNull();
    }

    @Test
    void namesTheSettingWhenThePortIsNotAPort() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("HTTP_PORT", "eighty")))
                .hasMessage("HTTP_PORT must be a port number from 1 to 65535, was \"eighty\"");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("HTTP_PORT", "70000")))
                .hasMessageStartingWith("HTTP_PORT must be a port number");
    }

    @Test
    void refusesAShortAdminToken() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("ADMIN_TOKEN", "1234")))
                .hasMessageStartingWith("ADMIN_TOKEN must be at least 16 characters");
    }

    @Test
    void refusesAShortMetricsTokenNamingTheFix() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("METRICS_TOKEN", "scrape me")))
                .hasMessage("METRICS_TOKEN must be at least 16 characters without spaces; unset it to serve /metrics "
                        + "only to this machine");
    }

    @Test
    void neverShowsSecretsInItsDescription() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://db/shop",
                "DATABASE_PASSWORD", "s3cret-password", "ADMIN_TOKEN", "a-long-enough-admin-token",
                "METRICS_TOKEN", "a-long-enough-metrics-token"));

        assertThat(config.toString()).doesNotContain("s3cret-password").doesNotContain("a-long-enough-admin-token")
                .doesNotContain("a-long-enough-metrics-token");
    }

    @Test
    void turnsTelegramOnWithAToken() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "TELEGRAM_API_URL", "http://127.0.0.1:8081", "TELEGRAM_STAFF_CHAT_ID", "-1001234567890"));

        assertThat(config.telegram()).hasValueSatisfying(telegram -> {
            assertThat(telegram.apiUrl()).hasToString("http://127.0.0.1:8081");
            assertThat(telegram.staffChatId()).contains("-1001234567890");
            assertThat(telegram.bulkPerSecond()).isEqualTo(30.0);
        });
        assertThat(config.toString()).doesNotContain("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        assertThat(AppConfig.fromEnvironment(Map.of()).telegram()).isEmpty();
    }

    @Test
    void namesTheTelegramSettingThatIsWrong() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "not-a-token")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TELEGRAM_BOT_TOKEN");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "TELEGRAM_MODE", "webhook")))
                .hasMessageContaining("TELEGRAM_WEBHOOK_URL");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "TELEGRAM_BULK_PER_SECOND", "500")))
                .hasMessageContaining("TELEGRAM_PAID_BROADCAST=true");
    }

    @Test
    void turnsDiscordOnWithATokenAndNamesItsBadSettings() {
        String token = "MTAwMDAwMDAwMDAwMDAwMDAx.GfakeX.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";

        AppConfig config = AppConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", token,
                "DISCORD_STAFF_CHANNEL_ID", "1441000000000000010"));

        assertThat(config.discord()).hasValueSatisfying(discord ->
                assertThat(discord.staffChannelId()).contains("1441000000000000010"));
        assertThat(config.toString()).doesNotContain(token);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", token,
                "DISCORD_SHARDS_TOTAL", "zero")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_SHARDS_TOTAL");
    }

    @Test
    void readsSchedulingAndRetentionWithTheirDefaults() {
        ScheduleSettings defaults = AppConfig.fromEnvironment(Map.of()).schedule();
        assertThat(defaults.pollInterval()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(defaults.surveyDelay()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(defaults.botContact().maxWait()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(defaults.retention().inbox()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(defaults.retention().outbox()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(defaults.retention().webMessages()).isEqualTo(java.time.Duration.ofDays(90));
        assertThat(defaults.retention().files()).isEqualTo(java.time.Duration.ofDays(90));

        ScheduleSettings set = AppConfig.fromEnvironment(Map.of("SURVEY_DELAY_MINUTES", "90",
                "RETENTION_INBOX_DAYS", "7", "RETENTION_WEB_MESSAGE_DAYS", "365", "BOT_CONTACT_MAX_WAIT_MINUTES", "0",
                "SCHEDULER_POLL_SECONDS", "2", "RETENTION_FILE_DAYS", "14")).schedule();
        assertThat(set.surveyDelay()).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(set.retention().inbox()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(set.retention().webMessages()).isEqualTo(java.time.Duration.ofDays(365));
        assertThat(set.retention().files()).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(set.botContact().maxWait()).isZero();
        assertThat(set.pollInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
    }

    @Test
    void namesTheSchedulingSettingThatIsWrong() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("RETENTION_INBOX_DAYS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("RETENTION_INBOX_DAYS must be a whole number from 1 to 3650, was \"0\"");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SURVEY_DELAY_MINUTES", "a day")))
                .hasMessage("SURVEY_DELAY_MINUTES must be a whole number from 0 to 86400, was \"a day\"");
    }

    @Test
    void readsTheSurveyReminderAndTheOwnerRuleAndNamesAWrongOne() {
        AppConfig defaults = AppConfig.fromEnvironment(Map.of());
        assertThat(defaults.schedule().surveyReminder()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(defaults.staffDesk().ownerRule()).isEqualTo(io.retainbot.core.staff.OwnerRule.ROUND_ROBIN);

        AppConfig set = AppConfig.fromEnvironment(Map.of("SURVEY_REMINDER_HOURS", "48", "OWNER_RULE", "off"));
        assertThat(set.schedule().surveyReminder()).isEqualTo(java.time.Duration.ofHours(48));
        assertThat(set.staffDesk().ownerRule()).isEqualTo(io.retainbot.core.staff.OwnerRule.OFF);

        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("OWNER_RULE", "random")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("OWNER_RULE must be round-robin");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SURVEY_REMINDER_HOURS", "0")))
                .hasMessage("SURVEY_REMINDER_HOURS must be a whole number from 1 to 720, was \"0\"");
    }
}
