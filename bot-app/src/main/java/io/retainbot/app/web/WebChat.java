package io.retainbot.app.web;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.port.WebChatStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The web chat's logic, free of HTTP: sessions, turning page events into inbound events, reading replies. */
public final class WebChat {
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_.]+)}}");
    private static final int PAGE = 100;

    private final EventSink sink;
    private final WebChatStore store;
    private final Messages messages;
    private final BusinessConfig business;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String template;

    public WebChat(EventSink sink, WebChatStore store, Messages messages, BusinessConfig business, Clock clock) {
        this.sink = sink;
        this.store = store;
        this.messages = messages;
        this.business = business;
        this.clock = clock;
        this.template = resource("web/chat.html");
    }

    /** A new, unguessable session id for a visitor's cookie. */
    public String newSession() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isSession(String value) {
        return value != null && SESSION.matcher(value).matches();
    }

    /** The chat page in the visitor's language (from Accept-Language). */
    public String page(String acceptLanguage) {
        Texts texts = messages.in(messages.languageFor(firstLanguage(acceptLanguage)), Tone.FORMAL);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder page = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = key.equals("lang") ? texts.language() : texts.get(key, "company", business.companyName());
            matcher.appendReplacement(page, Matcher.quoteReplacement(escapeHtml(value)));
        }
        matcher.appendTail(page);
        return page.toString();
    }

    /** Hands the visitor's action to the engine; returns once it is committed. */
    public EventSink.Receipt submit(String session, WebEvent event) {
        ChannelRef channel = new ChannelRef(Platform.WEB, session);
        Sender sender = new Sender(session, "", event.language());
        String eventId = session + ":" + event.id();
        InboundEvent inbound = switch (event.type()) {
            case "start" -> new InboundEvent.ConversationStarted(channel, sender, eventId, clock.instant());
            case "button" -> new InboundEvent.ButtonPressed(channel, sender, eventId, clock.instant(), event.data(),
                    event.messageId());
            case "command" -> command(channel, sender, eventId, event.text().strip());
            default -> new InboundEvent.TextReceived(channel, sender, eventId, clock.instant(), event.text());
        };
        return sink.accept(inbound);
    }

    /** The bot's messages to this session after {@code afterId}, oldest first. */
    public List<WebMessageView> messagesAfter(String session, long afterId) {
        return store.after(session, Math.max(0, afterId), PAGE).stream()
                .map(WebChat::view)
                .toList();
    }

    private InboundEvent command(ChannelRef channel, Sender sender, String eventId, String text) {
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].isEmpty() ? "help" : parts[0];
        return new InboundEvent.CommandReceived(channel, sender, eventId, clock.instant(), name,
                parts.length > 1 ? parts[1] : "");
    }

    private static WebMessageView view(io.retainbot.core.port.WebChatStore.WebMessage message) {
        OutboundMessage body = message.message();
        String editOf = body instanceof OutboundMessage.Edit edit ? edit.messageId() : null;
        List<List<Map<String, String>>> buttons = body.buttons().stream()
                .map(row -> row.stream().map(WebChat::button).toList())
                .toList();
        return new WebMessageView(message.id(), body.text(), buttons, editOf, message.sentAt().toString());
    }

    private static Map<String, String> button(Button button) {
        return Map.of("label", button.label(), "data", button.data());
    }

    /** One bot message as the page reads it. */
    public record WebMessageView(long id, String text, List<List<Map<String, String>>> buttons, String editOf,
                                 String sentAt) {
    }

    private static String firstLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "";
        }
        return acceptLanguage.split(",")[0].split(";")[0].strip();
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String resource(String name) {
        try (InputStream in = WebChat.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
