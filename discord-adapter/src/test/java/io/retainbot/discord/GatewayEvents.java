package io.retainbot.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Gateway event payloads in the shape Discord sends them. */
public final class GatewayEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayEvents() {
    }

    /** MESSAGE_CREATE: a direct message from a person. */
    static ObjectNode directMessage(String messageId, String userId, String name, String content) {
        return FakeDiscord.message(messageId, FakeDiscord.dmChannelOf(userId), FakeDiscord.user(userId, name, false),
                content);
    }

    /** INTERACTION_CREATE type 2: a slash command used in the bot's DM. */
    static ObjectNode slashCommand(String interactionId, String userId, String name, String locale, String command) {
        ObjectNode interaction = interaction(interactionId, userId, name, locale, 2);
        interaction.putObject("data").put("id", "1200000000000000001").put("name", command).put("type", 1);
        return interaction;
    }

    /** INTERACTION_CREATE type 3: a button pressed on one of the bot's messages. */
    static ObjectNode button(String interactionId, String userId, String name, String customId, String messageId) {
        ObjectNode interaction = interaction(interactionId, userId, name, "en-US", 3);
        interaction.putObject("data").put("custom_id", customId).put("component_type", 2);
        interaction.putObject("message").put("id", messageId).put("flags", 0);
        return interaction;
    }

    /** INTERACTION_CREATE type 3: a staff member pressed a button on a post in a guild channel. */
    public static ObjectNode guildButton(String interactionId, String guildId, String channelId, String userId, String name,
                                  String customId, String messageId) {
        ObjectNode interaction = JSON.createObjectNode().put("id", interactionId)
                .put("application_id", FakeDiscord.BOT_ID).put("type", 3).put("token", "token-" + interactionId)
                .put("version", 1).put("locale", "en-US").put("guild_locale", "en-US").put("guild_id", guildId)
                .put("channel_id", channelId).put("app_permissions", "1071698660929").put("context", 0)
                .put("attachment_size_limit", 10485760);
        interaction.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
        interaction.putObject("channel").put("id", channelId).put("type", 0).put("guild_id", guildId)
                .put("name", "staff").put("position", 0).put("nsfw", false).put("flags", 0)
                .putArray("permission_overwrites");
        ObjectNode member = interaction.putObject("member").put("joined_at", "2026-01-05T09:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0).put("permissions", "1071698660929");
        member.set("user", FakeDiscord.user(userId, name, false));
        member.putArray("roles");
        interaction.putArray("entitlements");
        interaction.putObject("authorizing_integration_owners").put("0", guildId);
        interaction.putObject("data").put("custom_id", customId).put("component_type", 2);
        interaction.putObject("message").put("id", messageId).put("flags", 0);
        return interaction;
    }

    /** INTERACTION_CREATE type 5: the complaint form submitted. */
    static ObjectNode complaintForm(String interactionId, String userId, String name, String locale, String category,
                                    String description) {
        ObjectNode interaction = interaction(interactionId, userId, name, locale, 5);
        ObjectNode data = interaction.putObject("data").put("custom_id", "complaint");
        ArrayNode components = data.putArray("components");
        ObjectNode select = components.addObject().put("type", 18).put("id", 1).putObject("component")
                .put("type", 3).put("id", 2).put("custom_id", "category");
        select.putArray("values").add(category);
        components.addObject().put("type", 18).put("id", 3).putObject("component")
                .put("type", 4).put("id", 4).put("custom_id", "description").put("value", description);
        return interaction;
    }

    private static ObjectNode interaction(String interactionId, String userId, String name, String locale, int type) {
        String channelId = FakeDiscord.dmChannelOf(userId);
        ObjectNode interaction = JSON.createObjectNode().put("id", interactionId)
                .put("application_id", FakeDiscord.BOT_ID).put("type", type).put("token", "token-" + interactionId)
                .put("version", 1).put("locale", locale).put("channel_id", channelId).put("app_permissions", "0")
                .put("context", 1).put("attachment_size_limit", 10485760);
        ObjectNode channel = interaction.putObject("channel").put("id", channelId).put("type", 1);
        channel.putArray("recipients").add(FakeDiscord.user(userId, name, false));
        interaction.set("user", FakeDiscord.user(userId, name, false));
        interaction.putArray("entitlements");
        interaction.putObject("authorizing_integration_owners").put("0", FakeDiscord.BOT_ID);
        return interaction;
    }
}
