package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

class CommandMenuTest {
    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "tl"})
    void describesEveryCommandInEveryLanguageWithinTelegramsLimits(String language) {
        SetMyCommands request = CommandMenu.request(Optional.of(language));

        assertThat(request.getLanguageCode()).isEqualTo(language);
        assertThat(request.getCommands()).extracting(BotCommand::getCommand).containsExactlyElementsOf(CommandMenu.COMMANDS);
        assertThat(request.getCommands()).allSatisfy(command ->
                assertThat(command.getDescription()).as("/%s in %s", command.getCommand(), language)
                        .isNotNull().hasSizeBetween(3, 256));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "tl"})
    void namesFilingAComplaintAsTheChatDoes(String language) {
        String complaint = CommandMenu.request(Optional.of(language)).getCommands().stream()
                .filter(command -> command.getCommand().equals("complaint")).findFirst().orElseThrow().getDescription();

        assertThat(complaint).isEqualTo(Messages.builtIn().in(language, Tone.FORMAL).get("menu.complaint"));
    }
}
