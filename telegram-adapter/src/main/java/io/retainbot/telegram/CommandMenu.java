package io.retainbot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** The bot's command menu, set in every language there is a menu file for; English is also the default. */
final class CommandMenu {
    static final List<String> COMMANDS = List.of("start", "complaint", "status", "language", "stop", "help", "cancel");
    static final List<String> LANGUAGES = List.of("en", "ko", "tl");
    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);

    private CommandMenu() {
    }

    static void publish(BotApi api) {
        try {
            api.execute(request(Optional.empty()));
            for (String language : LANGUAGES) {
                api.execute(request(Optional.of(language)));
            }
        } catch (TelegramApiException refused) {
            log.warn("could not set the Telegram command menu ({}); commands still work when typed", refused.getMessage());
        }
    }

    static SetMyCommands request(Optional<String> language) {
        Properties descriptions = descriptions(language.orElse("en"));
        List<BotCommand> commands = COMMANDS.stream()
                .map(command -> new BotCommand(command, descriptions.getProperty(command)))
                .toList();
        SetMyCommands.SetMyCommandsBuilder<?, ?> request = SetMyCommands.builder().commands(commands)
                .scope(new BotCommandScopeDefault());
        language.ifPresent(request::languageCode);
        return request.build();
    }

    private static Properties descriptions(String language) {
        String resource = "telegram/commands_" + language + ".properties";
        try (InputStream in = CommandMenu.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
