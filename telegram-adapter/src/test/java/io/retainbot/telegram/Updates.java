package io.retainbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Bot API update JSON as Telegram sends it, for feeding the fake server. */
public final class Updates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Updates() {
    }

    public static String text(long updateId, long userId, String name, String language, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = update.putObject("message").put("message_id", updateId % 100000)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        user(message.putObject("from"), userId, name, language);
        message.putObject("chat").put("id", userId).put("first_name", name).put("type", "private");
        if (text.startsWith("/")) {
            int length = text.contains(" ") ? text.indexOf(' ') : text.length();
            message.putArray("entities").addObject().put("offset", 0).put("length", length).put("type", "bot_command");
        }
        return update.toString();
    }

    public static String press(long updateId, long userId, String name, String language, String data, long messageId) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode query = update.putObject("callback_query").put("id", "cb" + updateId)
                .put("chat_instance", "1").put("data", data);
        user(query.putObject("from"), userId, name, language);
        ObjectNode message = query.putObject("message").put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", "…");
        message.putObject("chat").put("id", userId).put("type", "private");
        return update.toString();
    }

    private static void user(ObjectNode user, long userId, String name, String language) {
        user.put("id", userId).put("is_bot", false).put("first_name", name).put("language_code", language);
    }
}
