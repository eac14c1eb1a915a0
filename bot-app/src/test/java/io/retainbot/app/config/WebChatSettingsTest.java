package io.retainbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebChatSettingsTest {
    @Test
    void allowsOnlyItsOwnPagesAndTrustsNoProxyByDefault() {
        WebChatSettings settings = WebChatSettings.fromEnvironment(Map.of());

        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.trustProxy()).isFalse();
        assertThat(settings.messagesPerMinute()).isEqualTo(20);
        assertThat(settings.sessionsPerMinute()).isEqualTo(10);
    }

    @Test
    void readsAllowedOriginsAsSchemeHostAndPort() {
        WebChatSettings settings = WebChatSettings.fromEnvironment(Map.of("WEB_CHAT_ALLOWED_ORIGINS",
                " https://Shop.Example.com , http://localhost:3000/ ", "HTTP_TRUST_PROXY", "true",
                "WEB_CHAT_MESSAGES_PER_MINUTE", "40"));

        assertThat(settings.allowedOrigins()).containsExactly("https://shop.example.com", "http://localhost:3000");
        assertThat(settings.trustProxy()).isTrue();
        assertThat(settings.messagesPerMinute()).isEqualTo(40);
    }

    @Test
    void namesTheSettingWhenAnOriginIsNotAnOrigin() {
        assertThatThrownBy(() -> WebChatSettings.fromEnvironment(Map.of("WEB_CHAT_ALLOWED_ORIGINS",
                "https://shop.example.com/chat")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WEB_CHAT_ALLOWED_ORIGINS").hasMessageContaining("no path");
        assertThatThrownBy(() -> WebChatSettings.fromEnvironment(Map.of("WEB_CHAT_ALLOWED_ORIGINS", "shop.example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("https://shop.example.com");
    }

    @Test
    void namesTheSettingWhenALimitOrTheProxyFlagIsWrong() {
        assertThatThrownBy(() -> WebChatSettings.fromEnvironment(Map.of("WEB_CHAT_SESSIONS_PER_MINUTE", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("WEB_CHAT_SESSIONS_PER_MINUTE");
        assertThatThrownBy(() -> WebChatSettings.fromEnvironment(Map.of("HTTP_TRUST_PROXY", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HTTP_TRUST_PROXY");
    }
}
