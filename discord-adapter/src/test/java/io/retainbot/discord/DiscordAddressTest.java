package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.Platform;
import org.junit.jupiter.api.Test;

class DiscordAddressTest {
    @Test
    void plainIdIsTheDirectMessageWithThatUser() {
        DiscordAddress address = DiscordAddress.of(new ChannelRef(Platform.DISCORD, "123456789012345678"));

        assertThat(address).isEqualTo(new DiscordAddress.DirectMessage(123456789012345678L));
        assertThat(address.ref().chatId()).isEqualTo("123456789012345678");
    }

    @Test
    void channelPrefixIsAGuildChannelOrThread() {
        DiscordAddress address = DiscordAddress.of(new ChannelRef(Platform.DISCORD, "channel:700000000000000010"));

        assertThat(address).isEqualTo(new DiscordAddress.GuildChannel(700000000000000010L));
        assertThat(address.ref()).isEqualTo(new ChannelRef(Platform.DISCORD, "channel:700000000000000010"));
    }

    @Test
    void refusesOtherPlatformsAndMalformedIds() {
        assertThatThrownBy(() -> DiscordAddress.of(new ChannelRef(Platform.TELEGRAM, "42")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscordAddress.of(new ChannelRef(Platform.DISCORD, "channel:general")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscordAddress.of(new ChannelRef(Platform.DISCORD, "mina")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
