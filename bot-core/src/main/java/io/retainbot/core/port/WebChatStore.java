package io.retainbot.core.port;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The web chat's records: the sessions the server issued and the transcript of each web chat, both
 * sides in one order. A web chat is named by its chat id, never by the visitor's cookie.
 */
public interface WebChatStore {
    /** Records a session the server just issued. */
    void openSession(String chatId, Instant at);

    /** Whether the server issued this chat's session. */
    boolean sessionExists(String chatId);

    /** Keeps the language (a supported code such as "ko") the visitor of this session asked for. */
    void chooseLanguage(String chatId, String language);

    /** The language the visitor of this session asked for, if they did. */
    Optional<String> sessionLanguage(String chatId);

    /** What the bot said; returns the transcript id the page addresses the message by. */
    long append(String chatId, OutboundMessage message, Instant at);

    /**
     * What the visitor said, pressed or uploaded, written once per page event id.
     *
     * @return whether it was new (false: the page sent the same event again)
     */
    boolean appendVisitor(String chatId, String eventId, VisitorLine line, Instant at);

    /** The bot's message {@code id} in this chat, if there is one. */
    Optional<OutboundMessage> botMessage(String chatId, long id);

    /** The customer this web chat belongs to, once the bot knows them (their language and tone). */
    Optional<Customer> visitor(String chatId);

    /** The transcript after {@code afterId}, oldest first. */
    List<WebEntry> after(String chatId, long afterId, int limit);

    /**
     * One visitor line as the page shows it.
     *
     * @param text     what they typed, or the label of the button they pressed; may be empty with a file
     * @param fileKey  the stored file they uploaded, empty for none
     * @param fileName the file's name as uploaded
     * @param mediaType the file's type as checked by its content
     */
    record VisitorLine(String text, String fileKey, String fileName, String mediaType) {
        public VisitorLine {
            text = Objects.requireNonNullElse(text, "");
            fileKey = Objects.requireNonNullElse(fileKey, "");
            fileName = Objects.requireNonNullElse(fileName, "");
            mediaType = Objects.requireNonNullElse(mediaType, "");
        }

        public static VisitorLine text(String text) {
            return new VisitorLine(text, "", "", "");
        }
    }

    /** One entry of a web chat's transcript. */
    sealed interface WebEntry {
        long id();

        Instant at();

        record BotSaid(long id, OutboundMessage message, Instant at) implements WebEntry {
        }

        record VisitorSaid(long id, String eventId, VisitorLine line, Instant at) implements WebEntry {
        }
    }
}
