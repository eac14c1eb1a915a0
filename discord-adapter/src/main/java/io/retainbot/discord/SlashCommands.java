package io.retainbot.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The global slash commands: /complaint, /status, /language, /stop, /help, usable in the DM with the
 * bot only. Names and descriptions are English by default with Korean localizations
 * ({@link DiscordLocale#KOREAN}). Discord has no Tagalog or Filipino locale, so Tagalog speakers see
 * the English default; the bot's own messages still follow the language they choose with /language.
 */
final class SlashCommands {
    static final List<String> NAMES = List.of("complaint", "status", "language", "stop", "help");
    private static final List<String> LANGUAGE_CHOICES = List.of("en", "ko", "tl");
    private static final List<String> LANGUAGE_NAMES = List.of("English", "한국어", "Tagalog");

    private final DiscordTexts texts;

    SlashCommands(DiscordTexts texts) {
        this.texts = texts;
    }

    List<SlashCommandData> all() {
        return NAMES.stream().map(this::command).toList();
    }

    private SlashCommandData command(String name) {
        SlashCommandData command = Commands.slash(name, texts.get("en", "command." + name))
                .setContexts(InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
        texts.find("ko", "name." + name).ifPresent(localized -> command.setNameLocalization(DiscordLocale.KOREAN, localized));
        texts.find("ko", "command." + name)
                .ifPresent(localized -> command.setDescriptionLocalization(DiscordLocale.KOREAN, localized));
        if (name.equals("status")) {
            command.addOptions(option(name, "reference"));
        }
        if (name.equals("language")) {
            OptionData language = option(name, "language");
            for (int i = 0; i < LANGUAGE_CHOICES.size(); i++) {
                language.addChoice(LANGUAGE_NAMES.get(i), LANGUAGE_CHOICES.get(i));
            }
            command.addOptions(language);
        }
        return command;
    }

    private OptionData option(String command, String name) {
        String key = command + "." + name;
        OptionData option = new OptionData(OptionType.STRING, name, texts.get("en", "command." + key), false);
        texts.find("ko", "name." + key).ifPresent(localized -> option.setNameLocalization(DiscordLocale.KOREAN, localized));
        texts.find("ko", "command." + key)
                .ifPresent(localized -> option.setDescriptionLocalization(DiscordLocale.KOREAN, localized));
        return option;
    }
}
