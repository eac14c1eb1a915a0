package io.retainbot.discord;

import java.time.Clock;

/** One translator per JDA event type the adapter uses. */
record Translators(MessageTranslator message, EditTranslator edit, SlashCommandTranslator slashCommand,
                   ButtonTranslator button, ModalTranslator modal) {
    static Translators of(StaffScope staff, Clock clock) {
        return new Translators(new MessageTranslator(staff, clock), new EditTranslator(staff, clock),
                new SlashCommandTranslator(staff, clock), new ButtonTranslator(staff, clock), new ModalTranslator(staff, clock));
    }
}
