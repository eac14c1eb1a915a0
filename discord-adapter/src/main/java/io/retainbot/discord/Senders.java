package io.retainbot.discord;

import io.retainbot.core.conversation.Sender;
import java.util.Locale;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.DiscordLocale;

/** Discord users as core senders, with the client language as the language hint where Discord tells it. */
final class Senders {
    private Senders() {
    }

    /** A sender from a message event: Discord sends no locale with messages, so the hint stays empty. */
    static Sender of(User user) {
        return new Sender(user.getId(), user.getEffectiveName(), "");
    }

    /** A sender from an interaction, which carries the user's client language. */
    static Sender of(User user, DiscordLocale locale) {
        return new Sender(user.getId(), user.getEffectiveName(), languageHint(locale));
    }

    /**
     * The primary language of a Discord locale: {@code en-US} and {@code en-GB} become {@code en},
     * {@code ko} stays {@code ko}. Discord has no Tagalog or Filipino locale, so a Tagalog speaker's
     * client sends whatever they chose (often {@code en-US}); they pick Tagalog with /language.
     */
    static String languageHint(DiscordLocale locale) {
        if (locale == null || locale == DiscordLocale.UNKNOWN) {
            return "";
        }
        return locale.getLocale().split("-")[0].toLowerCase(Locale.ROOT);
    }
}
