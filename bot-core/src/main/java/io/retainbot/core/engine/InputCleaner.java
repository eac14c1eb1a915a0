package io.retainbot.core.engine;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Sender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes inbound text safe to keep and show: drops NUL and other control characters (PostgreSQL
 * text refuses NUL; the rest of the message is kept), keeps line breaks and tabs, keeps emoji,
 * right-to-left text and joiners, and bounds the length so no message can exhaust anything.
 */
final class InputCleaner {
    static final int MAX_TEXT = 10_000;

    private InputCleaner() {
    }

    static InboundEvent clean(InboundEvent event) {
        if (event instanceof InboundEvent.TextReceived text) {
            return new InboundEvent.TextReceived(text.channel(), sender(text.sender()), text.eventId(),
                    text.receivedAt(), clean(text.text()), clean(text.replyTo()));
        }
        if (event instanceof InboundEvent.CommandReceived command) {
            return new InboundEvent.CommandReceived(command.channel(), sender(command.sender()), command.eventId(),
                    command.receivedAt(), clean(command.name()).toLowerCase(java.util.Locale.ROOT).strip(),
                    clean(command.argument()).strip(), clean(command.replyTo()));
        }
        if (event instanceof InboundEvent.ButtonPressed pressed) {
            return new InboundEvent.ButtonPressed(pressed.channel(), sender(pressed.sender()), pressed.eventId(),
                    pressed.receivedAt(), clean(pressed.data()), pressed.messageId());
        }
        if (event instanceof InboundEvent.AttachmentReceived attachment) {
            return new InboundEvent.AttachmentReceived(attachment.channel(), sender(attachment.sender()),
                    attachment.eventId(), attachment.receivedAt(), List.copyOf(attachment.files()),
                    clean(attachment.caption()), clean(attachment.replyTo()));
        }
        if (event instanceof InboundEvent.FormSubmitted form) {
            Map<String, String> fields = form.fields().entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> clean(entry.getValue())));
            return new InboundEvent.FormSubmitted(form.channel(), sender(form.sender()), form.eventId(),
                    form.receivedAt(), form.formId(), fields);
        }
        if (event instanceof InboundEvent.MessageEdited edited) {
            return new InboundEvent.MessageEdited(edited.channel(), sender(edited.sender()), edited.eventId(),
                    edited.receivedAt(), edited.messageId(), clean(edited.text()));
        }
        return event;
    }

    private static io.retainbot.core.chat.Sender sender(Sender sender) {
        String name = clean(sender.displayName()).strip();
        return new Sender(sender.platformUserId(), name.length() > 100 ? name.substring(0, 100) : name,
                clean(sender.languageHint()).strip(), clean(sender.zoneHint()).strip());
    }

    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        int index = 0;
        while (index < text.length() && out.length() < MAX_TEXT) {
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            if (isKept(codePoint) && out.length() + Character.charCount(codePoint) <= MAX_TEXT) {
                out.appendCodePoint(codePoint);
            }
        }
        return hasVisible(out) ? out.toString() : "";
    }

    /** Whether anything would show: a text of only blanks and invisible marks (zero-width space) is empty. */
    private static boolean hasVisible(CharSequence text) {
        return text.codePoints().anyMatch(codePoint -> !Character.isWhitespace(codePoint)
                && !Character.isSpaceChar(codePoint) && Character.getType(codePoint) != Character.FORMAT);
    }

    private static boolean isKept(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        if (codePoint == '\r') {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.UNASSIGNED && type != Character.SURROGATE;
    }
}
