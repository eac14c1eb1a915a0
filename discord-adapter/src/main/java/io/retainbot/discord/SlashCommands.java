package io.retainbot.discord;

import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The global slash commands, with names and descriptions in every language Discord has a locale for:
 * English and Korean. Discord has no Tagalog locale, so Tagalog speakers see the English names; the
 * conversation itself follows their chosen language.
 */
final class SlashCommands {
    /** Command name to (English description, Korean name, Korean description). */
    private static final Map<String, List<String>> COMMANDS = Map.of(
            "complaint", List.of("File a complaint", "불편접수", "불편 접수하기"),
            "status", List.of("See your complaints", "접수내역", "내 접수 내역 보기"),
            "language", List.of("Choose your language and tone", "언어", "언어와 말투 선택"),
            "stop", List.of("No more greetings or offers", "수신거부", "인사와 혜택 소식 그만 받기"),
            "help", List.of("What I can do", "도움말", "도와드릴 수 있는 일"));
    static final List<String> ORDER = List.of("complaint", "status", "language", "stop", "help");

    private SlashCommands() {
    }

    static List<CommandData> all() {
        return ORDER.stream().map(SlashCommands::command).map(CommandData.class::cast).toList();
    }

    private static SlashCommandData command(String name) {
        List<String> texts = COMMANDS.get(name);
        return Commands.slash(name, texts.get(0))
                .setNameLocalization(DiscordLocale.KOREAN, texts.get(1))
                .setDescriptionLocalization(DiscordLocale.KOREAN, texts.get(2))
                .setContexts(InteractionContextType.BOT_DM, InteractionContextType.GUILD);
    }
}
