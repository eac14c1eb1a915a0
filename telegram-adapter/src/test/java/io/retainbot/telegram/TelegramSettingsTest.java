package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {
    private static final String TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void staysOffWithoutAToken() {
        assertThat(TelegramSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "  "))).isEmpty();
        assertThat(TelegramSettings.fromEnvironment(Map.of("TELEGRAM_API_URL", "https://api.telegram.org",
                "TELEGRAM_MODE", "polling", "TELEGRAM_STAFF_CHAT_ID", "", "TELEGRAM_WEBHOOK_URL", "")))
                .as("docker-compose.yml passes these defaults to a RetainBot without Telegram").isEmpty();
    }

    @Test
    void namesAMistypedSettingAlsoWhileTelegramIsOff() {
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(Map.of("TELEGRAM_MODE", "hook")))
                .hasMessage("TELEGRAM_MODE must be polling or webhook, was \"hook\"");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BULK_PER_SECOND", "0")))
                .hasMessageStartingWith("TELEGRAM_BULK_PER_SECOND must be above 0");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(Map.of("TELEGRAM_PAID_BROADCAST", "perhaps")))
                .hasMessageStartingWith("TELEGRAM_PAID_BROADCAST must be true or false");
    }

    @Test
    void saysTheTokenIsMissingWhenTheStaffGroupOrWebhookIsSetWithoutIt() {
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(Map.of("TELEGRAM_STAFF_CHAT_ID", "-1001234567890")))
                .hasMessage("TELEGRAM_STAFF_CHAT_ID is set but TELEGRAM_BOT_TOKEN is not: set the bot's token (from "
                        + "@BotFather) to turn Telegram on, or unset TELEGRAM_STAFF_CHAT_ID");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(Map.of("TELEGRAM_MODE", "webhook")))
                .hasMessageStartingWith("TELEGRAM_MODE=webhook is set but TELEGRAM_BOT_TOKEN is not")
                .hasMessageEndingWith("or unset TELEGRAM_MODE");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(Map.of("TELEGRAM_WEBHOOK_SECRET",
                "s3cret-s3cret-s3cret"))).hasMessageStartingWith("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_BOT_TOKEN");
    }

    @Test
    void pollsThePublicBotApiByDefault() {
        TelegramSettings settings = TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).orElseThrow();

        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(settings.mode()).isEqualTo(TelegramSettings.Mode.POLLING);
        assertThat(settings.bulkPerSecond()).isEqualTo(30);
        assertThat(settings.paidBroadcast()).isFalse();
        assertThat(settings.staffChatId()).isEmpty();
    }

    @Test
    void readsEverySetting() {
        TelegramSettings settings = TelegramSettings.fromEnvironment(Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "TELEGRAM_MODE", "Webhook",
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram/webhook",
                "TELEGRAM_WEBHOOK_SECRET", "s3cret-s3cret-s3cret",
                "TELEGRAM_STAFF_CHAT_ID", "-1001234567890",
                "TELEGRAM_BULK_PER_SECOND", "800",
                "TELEGRAM_PAID_BROADCAST", "true")).orElseThrow();

        assertThat(settings).isEqualTo(new TelegramSettings(TOKEN, URI.create("http://127.0.0.1:8081"),
                TelegramSettings.Mode.WEBHOOK, Optional.of(URI.create("https://bot.example.com/telegram/webhook")),
                Optional.of("s3cret-s3cret-s3cret"), Optional.of("-1001234567890"), 800, true));
    }

    @Test
    void namesTheVariableThatIsWrong() {
        assertRefused(Map.of("TELEGRAM_BOT_TOKEN", "not-a-token"), "TELEGRAM_BOT_TOKEN");
        assertRefused(Map.of("TELEGRAM_API_URL", "api.telegram.org"), "TELEGRAM_API_URL");
        assertRefused(Map.of("TELEGRAM_MODE", "push"), "TELEGRAM_MODE");
        assertRefused(Map.of("TELEGRAM_MODE", "webhook"), "TELEGRAM_WEBHOOK_URL");
        assertRefused(Map.of("TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/hook"),
                "TELEGRAM_WEBHOOK_SECRET");
        assertRefused(Map.of("TELEGRAM_WEBHOOK_SECRET", "short"), "TELEGRAM_WEBHOOK_SECRET");
        assertRefused(Map.of("TELEGRAM_STAFF_CHAT_ID", "@staffgroup"), "TELEGRAM_STAFF_CHAT_ID");
        assertRefused(Map.of("TELEGRAM_BULK_PER_SECOND", "fast"), "TELEGRAM_BULK_PER_SECOND");
        assertRefused(Map.of("TELEGRAM_BULK_PER_SECOND", "0"), "TELEGRAM_BULK_PER_SECOND");
        assertRefused(Map.of("TELEGRAM_BULK_PER_SECOND", "31"), "TELEGRAM_PAID_BROADCAST=true");
        assertRefused(Map.of("TELEGRAM_BULK_PER_SECOND", "1001", "TELEGRAM_PAID_BROADCAST", "true"), "1000");
        assertRefused(Map.of("TELEGRAM_PAID_BROADCAST", "perhaps"), "TELEGRAM_PAID_BROADCAST");
    }

    @Test
    void refusesABadTokenAlsoWhenBuiltDirectly() {
        assertThatThrownBy(() -> new TelegramSettings("oops", TelegramSettings.PUBLIC_API, TelegramSettings.Mode.POLLING,
                Optional.empty(), Optional.empty(), Optional.empty(), 30, false))
                .hasMessageStartingWith("TELEGRAM_BOT_TOKEN").hasMessageNotContaining("oops");
    }

    @Test
    void neverShowsTheTokenOrTheSecret() {
        TelegramSettings settings = TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram/webhook",
                "TELEGRAM_WEBHOOK_SECRET", "s3cret-s3cret-s3cret")).orElseThrow();

        assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain("ABCDEFGHIJ")
                .doesNotContain("s3cret").contains("WEBHOOK");
    }

    private static void assertRefused(Map<String, String> overrides, String named) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        env.putAll(overrides);
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }
}
